package io.podservice.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's flattened list parameters: {@code filters.1.name=phase&filters.1.values.1=running}
 * (1-based indexes) read back into filters, in index order.
 */
public final class QueryFilters {

    /** Indexes run from 1 to {@value #MAX_INDEX}: more filters or values than that is not a query. */
    static final int MAX_INDEX = 999;
    private static final String INDEX = "([1-9]\\d{0,2})";
    private static final Pattern NAME = Pattern.compile("^filters\\." + INDEX + "\\.name$");
    private static final Pattern OPERATOR = Pattern.compile("^filters\\." + INDEX + "\\.operator$");
    private static final Pattern VALUE = Pattern.compile("^filters\\." + INDEX + "\\.values\\." + INDEX + "$");
    private static final Pattern TAG_KEY = Pattern.compile("^tags\\." + INDEX + "\\.key$");
    private static final Pattern TAG_VALUE = Pattern.compile("^tags\\." + INDEX + "\\.values\\." + INDEX + "$");

    private QueryFilters() {
    }

    /** A tag filter: the key alone (any value), or the key with the values that match. */
    public record TagFilter(int index, String key, List<String> values) {
    }

    /** {@code tags.N.key=env&tags.N.values.M=prod} read back, in index order. */
    public static List<TagFilter> tags(Map<String, String[]> parameters) {
        TreeMap<Integer, String> keys = new TreeMap<>();
        TreeMap<Integer, TreeMap<Integer, String>> values = new TreeMap<>();
        parameters.forEach((name, given) -> {
            String value = given.length == 0 ? "" : given[given.length - 1];
            Matcher m;
            if ((m = TAG_KEY.matcher(name)).matches()) {
                keys.put(Integer.parseInt(m.group(1)), value);
            } else if ((m = TAG_VALUE.matcher(name)).matches()) {
                values.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>())
                        .put(Integer.parseInt(m.group(2)), value);
            } else if (name.startsWith("tags.")) {
                throw ApiException.invalidArgument("Invalid " + name + ": tags are given as tags.N.key and tags.N.values.M "
                        + "with N and M from 1 to " + MAX_INDEX);
            }
        });
        values.keySet().stream().filter(i -> !keys.containsKey(i)).findFirst().ifPresent(i -> {
            throw ApiException.invalidArgument("Invalid tags." + i + ": values without tags." + i + ".key");
        });
        List<TagFilter> tags = new ArrayList<>();
        keys.forEach((index, key) -> {
            if (key.isBlank()) {
                throw ApiException.invalidArgument("Invalid tags." + index + ".key: must not be empty");
            }
            tags.add(new TagFilter(index, key, new ArrayList<>(values.getOrDefault(index, new TreeMap<>()).values())));
        });
        return tags;
    }

    /** One filter; {@code index} is its 1-based place, for error messages ({@code filters.2.name}). */
    public record Filter(int index, String name, String operator, List<String> values) {
    }

    public static List<Filter> parse(Map<String, String[]> parameters) {
        TreeMap<Integer, String> names = new TreeMap<>();
        TreeMap<Integer, String> operators = new TreeMap<>();
        TreeMap<Integer, TreeMap<Integer, String>> values = new TreeMap<>();
        parameters.forEach((key, given) -> {
            String value = given.length == 0 ? "" : given[given.length - 1];
            Matcher m;
            if ((m = NAME.matcher(key)).matches()) {
                names.put(Integer.parseInt(m.group(1)), value);
            } else if ((m = OPERATOR.matcher(key)).matches()) {
                operators.put(Integer.parseInt(m.group(1)), value);
            } else if ((m = VALUE.matcher(key)).matches()) {
                values.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>())
                        .put(Integer.parseInt(m.group(2)), value);
            } else if (key.startsWith("filters.")) {
                throw ApiException.invalidArgument("Invalid " + key + ": filters are given as filters.N.name, "
                        + "filters.N.operator and filters.N.values.M with N and M from 1 to " + MAX_INDEX);
            }
        });
        values.keySet().stream().filter(i -> !names.containsKey(i)).findFirst().ifPresent(i -> {
            throw ApiException.invalidArgument("Invalid filters." + i + ": values without filters." + i + ".name");
        });
        List<Filter> filters = new ArrayList<>();
        names.forEach((index, name) -> {
            List<String> given = new ArrayList<>(values.getOrDefault(index, new TreeMap<>()).values());
            if (given.isEmpty()) {
                throw ApiException.invalidArgument("Invalid filters." + index + ".values: filter '" + name
                        + "' needs at least one value");
            }
            String operator = operators.getOrDefault(index, "eq");
            if (!operator.equals("eq")) {
                throw ApiException.invalidArgument("Invalid filters." + index + ".operator: only 'eq' is supported, got '"
                        + operator + "'");
            }
            filters.add(new Filter(index, name, operator, given));
        });
        return filters;
    }
}
