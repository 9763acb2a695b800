package io.podservice.command.domain;

import io.podservice.api.web.ApiException;
import java.util.regex.Pattern;

/**
 * JD Cloud's general naming rule for a resource's name (its "公共参数规范"): 1 to 32 Chinese
 * characters, letters, digits, '_' and '-'. Pod templates and image caches are named by it.
 */
public final class GeneralNames {

    private static final Pattern NAME = Pattern.compile("^[\\p{IsHan}A-Za-z0-9_-]{1,32}$");

    private GeneralNames() {
    }

    /** INVALID_ARGUMENT naming {@code field} unless {@code name} keeps the rule. */
    public static void require(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalidArgument("Invalid " + field + ": 1 to 32 Chinese characters, letters, digits, '_' "
                    + "and '-'; got " + (name == null ? "none" : "'" + name + "'"));
        }
    }
}
