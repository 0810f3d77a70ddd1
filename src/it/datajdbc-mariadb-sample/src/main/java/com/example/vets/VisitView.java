package com.example.vets;

import java.time.LocalDate;

/** A visit in the list, with the names its pet refers to. */
record VisitView(long id, LocalDate date, String description, String pet, String type, String owner) {
}
