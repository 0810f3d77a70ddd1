package dev.nplusonelab.store;

import org.springframework.data.annotation.Id;

public record Publisher(@Id Long id, String name, String country) {
}
