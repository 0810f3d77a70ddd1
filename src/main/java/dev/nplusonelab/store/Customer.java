package dev.nplusonelab.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;

public record Customer(@Id Long id, String name, String email, String city, Instant joinedAt) {
}
