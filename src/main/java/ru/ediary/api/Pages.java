package ru.ediary.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Relay pages from keyset queries that fetched one row more than the page, to tell whether more follow. */
public final class Pages {

    private Pages() {
    }

    public record Page<E>(List<E> edges, PageInfo pageInfo) {
    }

    public static <R, E> Page<E> of(List<R> rows, int size, Function<R, String> cursor, BiFunction<String, R, E> edge) {
        boolean more = rows.size() > size;
        List<E> edges = new ArrayList<>();
        String end = null;
        for (R row : more ? rows.subList(0, size) : rows) {
            end = cursor.apply(row);
            edges.add(edge.apply(end, row));
        }
        return new Page<>(edges, new PageInfo(more, end));
    }
}
