package io.podservice.command.rest;

/** The naming rules of the API, with the words its error messages use for them. */
final class Names {

    static final String DNS1123_LABEL = "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    static final String DNS1123_LABEL_RULE =
            "must be a DNS-1123 label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit";

    static final String HOSTNAME =
            "^[0-9a-zA-Z]([-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?(\\.[0-9a-zA-Z]([-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*$";
    static final String HOSTNAME_RULE =
            "must be labels of letters, digits or '-' (no leading or trailing '-') joined by '.', 63 characters in all";

    private Names() {
    }
}
