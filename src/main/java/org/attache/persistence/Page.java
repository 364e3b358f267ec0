package org.attache.persistence;

import java.util.List;

/** One page of a keyset-paginated list and the size of the whole filtered list. */
public record Page<T>(List<T> rows, boolean hasNextPage, int totalCount) {
}
