package com.example.petclinic;

import java.util.List;

/** One owner's page: the name, and the names of the pets. */
record OwnerDetails(long id, String name, List<String> pets) {

}
