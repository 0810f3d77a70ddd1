package dev.nplusonelab.store;

import org.springframework.data.annotation.Id;

public record Editor(@Id Long id, String name) {
}
