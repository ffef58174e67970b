package ch.frontdesk.common;

import java.util.List;

/** One page of a listing, in the shape every admin list answers with. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
