package io.podservice.command.pod;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of modifyPodAttribute; an absent field keeps its value. */
record ModifyPodAttributeRequest(
        @Pattern(regexp = Names.DNS1123_LABEL, message = Names.DNS1123_LABEL_RULE) String name,
        @Size(max = 256, message = "must be at most 256 characters") String description) {
}
