package io.podservice.command.pod;

/** The naming rules of the API, with the words its error messages use for them. */
final class Names {

    static final String DNS1123_LABEL = "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    static final String DNS1123_LABEL_RULE =
            "must be a DNS-1123 label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit";

    static final String DNS1123_SUBDOMAIN =
            "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    static final String DNS1123_SUBDOMAIN_RULE =
            "must be a DNS-1123 subdomain: DNS-1123 labels joined by '.', 253 characters in all";

    static final String HOSTNAME =
            "^[0-9a-zA-Z]([-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?(\\.[0-9a-zA-Z]([-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*$";
    static final String HOSTNAME_RULE =
            "must be labels of letters, digits or '-' (no leading or trailing '-') joined by '.', 63 characters in all";

    static final String IPV4 = "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$";

    static final String DISK_TYPES = "hdd\\.std1|ssd\\.gp1|ssd\\.io1";
    static final String DISK_TYPES_RULE = "must be one of hdd.std1, ssd.gp1, ssd.io1";

    private Names() {
    }

    /** A file's permission bits as JD Cloud writes them: octal, like "0644" or "644". */
    public static final String FILE_MODE = "^0?[0-7]{3}$";
    public static final String FILE_MODE_RULE = "must be octal permission bits, like 0644";
}
