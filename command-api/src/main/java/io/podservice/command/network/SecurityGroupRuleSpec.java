package io.podservice.command.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One rule of addNetworkSecurityGroupRules, as JD Cloud's AddSecurityGroupRules spec has it. */
public record SecurityGroupRuleSpec(
        @NotNull(message = "is required") Integer protocol,
        @NotNull(message = "is required") Integer direction,
        @NotBlank(message = "is required") String addressPrefix,
        Integer fromPort, Integer toPort,
        @Size(max = 256, message = "must be at most 256 characters") String description,
        @Pattern(regexp = "ALLOW|allow", message = "must be ALLOW: this service's security groups allow, "
                + "they do not deny (traffic no rule allows is dropped)") String ruleAction,
        @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100")
        Integer priority,
        @Pattern(regexp = "CIDR", message = "must be CIDR: prefix lists are not offered") String addressPrefixType) {
}
