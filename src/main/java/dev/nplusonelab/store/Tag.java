package dev.nplusonelab.store;

import org.springframework.data.annotation.Id;

public record Tag(@Id Long id, String name) {
}
