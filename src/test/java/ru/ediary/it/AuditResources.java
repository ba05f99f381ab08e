package ru.ediary.it;

import java.util.HashMap;
import java.util.Map;

/**
 * The production build as {@link ProductionLikeResources} starts it, with introspection turned back on through the
 * operator's switch (GRAPHQL_FIELD_VISIBILITY=default): two of the audit's checks (28B9, 2EA1: a map of variables)
 * query {@code __type}, which production refuses by default (see docs/reliability.md).
 */
public class AuditResources extends ProductionLikeResources {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("GRAPHQL_FIELD_VISIBILITY", "default");
        return config;
    }
}
