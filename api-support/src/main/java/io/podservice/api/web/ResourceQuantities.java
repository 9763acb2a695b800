package io.podservice.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's CPU and memory as JD Cloud's models write them: strings such as {@code "300m"} or
 * {@code "1"} for CPU and {@code "1024Mi"} or {@code "1Gi"} for memory. Read from either a string
 * or a bare JSON number (CPU in cores, memory in MB); written the JD Cloud way ({@code "1000m"},
 * {@code "4096Mi"}).
 */
public final class ResourceQuantities {

    private static final Pattern CPU = Pattern.compile("^(\\d{1,6}(?:\\.\\d{1,3})?)(m?)$");
    private static final Pattern MEMORY = Pattern.compile("^(\\d{1,9})(Mi|Gi|M|G)?$");

    private ResourceQuantities() {
    }

    /** Cores, or null for null; "300m" is 0.3, "2" is 2. */
    public static Double cpu(String field, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = CPU.matcher(value.trim());
        if (!m.matches() || m.group(2).equals("m") && m.group(1).contains(".")) {
            throw ApiException.invalidArgument("Invalid " + field + ": '" + value + "' is not a CPU quantity such as "
                    + "\"500m\" (millicores) or \"1\" (cores)");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        return (m.group(2).isEmpty() ? amount : amount.movePointLeft(3)).doubleValue();
    }

    /** Megabytes, or null for null; "1024Mi" and "1Gi" are 1024. */
    public static Integer memoryMB(String field, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = MEMORY.matcher(value.trim());
        if (!m.matches()) {
            throw ApiException.invalidArgument("Invalid " + field + ": '" + value + "' is not a memory quantity such as "
                    + "\"1024Mi\" or \"1Gi\"");
        }
        long megabytes = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
        if (unit.startsWith("G")) {
            megabytes *= 1024;
        }
        if (megabytes > Integer.MAX_VALUE) {
            throw ApiException.invalidArgument("Invalid " + field + ": '" + value + "' is too large");
        }
        return (int) megabytes;
    }

    public static String cpu(double cores) {
        return Math.round(cores * 1000) + "m";
    }

    public static String memory(int megabytes) {
        return megabytes + "Mi";
    }

    /** Reads a quantity from a JSON string or number into its text, refusing anything else. */
    public static final class TextDeserializer extends StdDeserializer<String> {
        public TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return parser.getText();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }
}
