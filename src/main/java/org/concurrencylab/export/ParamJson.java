package org.concurrencylab.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.Param;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Run parameters in JSON, for every file that holds them (run files, the settings, series):
/// numbers as numbers, switches as booleans, choices by their ids, URLs as an array of strings.
/// A spec is one object: `workload`, `model`, then each parameter that applies by its id.
public final class ParamJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParamJson() {}

    /// The JSON of `value`, a value of `param`.
    public static JsonNode toJson(Param<?> param, Object value) {
        return switch (param) {
            case Param.Whole<?> w -> NODES.numberNode(((Number) value).longValue());
            case Param.Flag f -> NODES.booleanNode((Boolean) value);
            case Param.Choice<?> c -> NODES.textNode(idOf(c, value));
            case Param.Urls u -> {
                ArrayNode array = NODES.arrayNode();
                u.cast(value).forEach(uri -> array.add(uri.toString()));
                yield array;
            }
        };
    }

    /// The value of `param` that `node` holds; throws an [IllegalArgumentException] saying what
    /// it is instead. Only the kind of value is checked here: ranges are the table's.
    public static Object fromJson(Param<?> param, JsonNode node) {
        return switch (param) {
            case Param.Whole<?> w -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) throw notA(param, node, "a whole number");
                yield w.of(node.asLong());
            }
            case Param.Flag f -> {
                if (!node.isBoolean()) throw notA(param, node, "true or false");
                yield node.asBoolean();
            }
            case Param.Choice<?> c -> {
                if (!node.isTextual()) throw notA(param, node, "one of " + c.choices().stream().map(e -> idOf(c, e)).toList());
                yield c.parse(node.asText(), param.id());
            }
            case Param.Urls u -> {
                // the settings of earlier versions kept the URLs as typed, one per line
                if (node.isTextual()) yield u.parse(node.asText(), param.id());
                if (!node.isArray()) throw notA(param, node, "a list of URLs");
                List<URI> urls = new ArrayList<>();
                for (JsonNode item : node) {
                    if (!item.isTextual()) throw notA(param, item, "a URL");
                    urls.add(RunSpec.parseUrl(item.asText()));
                }
                yield List.copyOf(urls);
            }
        };
    }

    /// `spec` as one JSON object.
    public static ObjectNode specToJson(RunSpec spec) {
        ObjectNode node = NODES.objectNode();
        node.put("workload", spec.workload().id());
        node.put("model", spec.model().id());
        spec.applied().forEach((p, v) -> node.set(p.id(), toJson(p, v)));
        return node;
    }

    /// The spec `node` describes; a parameter left out takes its default, one that does not apply
    /// is ignored; throws an [IllegalArgumentException] naming what is wrong.
    public static RunSpec specFromJson(JsonNode node) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("the run spec is not a JSON object");
        WorkloadKind workload = WorkloadKind.byId(text(node, "workload"))
                .orElseThrow(() -> new IllegalArgumentException("unknown workload " + node.get("workload")));
        ModelKind model = ModelKind.byId(text(node, "model"))
                .orElseThrow(() -> new IllegalArgumentException("unknown model " + node.get("model")));
        Map<Param<?>, Object> given = new LinkedHashMap<>();
        for (Param<?> p : RunParams.ALL) {
            JsonNode v = node.get(p.id());
            if (v != null && !v.isNull()) given.put(p, fromJson(p, v));
        }
        // the spec checks those that apply and drops the others (earlier files held every value)
        return new RunSpec(workload, model, given);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("the run spec has no " + field);
        return v.asText();
    }

    private static IllegalArgumentException notA(Param<?> param, JsonNode node, String what) {
        return new IllegalArgumentException(param.id() + " = " + node + " is not " + what);
    }

    private static <E> String idOf(Param.Choice<E> c, Object value) {
        return c.idOf(c.cast(value));
    }
}
