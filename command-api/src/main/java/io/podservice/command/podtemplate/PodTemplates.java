package io.podservice.command.podtemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.domain.GeneralNames;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.network.PodNetworks;
import io.podservice.command.pod.PodSpecProblems;
import io.podservice.command.quota.Quotas;
import io.podservice.events.EventJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pod templates by JD Cloud's rules: a name of 1 to 32 Chinese characters, letters, digits, '_'
 * and '-'; a description of at most 256 characters; a PodTemplateSpec that createPods would accept
 * now (its form, the instance type's room, and every secret, subnet, security group and config file
 * it names), else every reason it would not, in one error. The same check answers
 * verifyPodTemplate later, when what the template names may have gone.
 */
@Service
public class PodTemplates {

    private static final int MAX_DESCRIPTION = 256;
    private static final ObjectMapper JSON = EventJson.newMapper();

    private final CommandSender commands;
    private final PodTemplateIndex index;
    private final PodSpecProblems podSpecProblems;
    private final PodNetworks networks;
    private final Quotas quotas;
    private final Validator validator;

    PodTemplates(CommandSender commands, PodTemplateIndex index, PodSpecProblems podSpecProblems,
                 PodNetworks networks, Quotas quotas, Validator validator) {
        this.commands = commands;
        this.index = index;
        this.podSpecProblems = podSpecProblems;
        this.networks = networks;
        this.quotas = quotas;
        this.validator = validator;
    }

    @Transactional
    public String create(RegionCatalog.Region region, String accountId, String name, String description,
                         PodTemplateSpec spec) {
        checkAttributes(name, description);
        if (spec == null) {
            throw ApiException.invalidArgument("Invalid podTemplateSpec: is required");
        }
        JsonNode data = checked(region, accountId, spec);
        quotas.requireRoom(accountId, region.id(), QuotaLimits.POD_TEMPLATE, 1);
        String podTemplateId = "pt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        commands.send(new PodTemplateCommands.CreatePodTemplate(podTemplateId, accountId, region.id(), name,
                description, data), "PodTemplate", podTemplateId);
        return podTemplateId;
    }

    /** updatePodTemplate: the parts given replace the template's; the result is checked as a new one would be. */
    @Transactional
    public void update(RegionCatalog.Region region, String accountId, String podTemplateId, String name,
                       String description, PodTemplateSpec.UpdatePodTemplateSpec update) {
        PodTemplateIndex.Stored stored = existing(accountId, region.id(), podTemplateId);
        String newName = name == null ? stored.name() : name;
        String newDescription = description == null ? stored.description() : description;
        checkAttributes(newName, newDescription);
        JsonNode data = update == null ? stored.data() : checked(region, accountId, spec(stored.data()).updatedBy(update));
        commands.send(new PodTemplateCommands.UpdatePodTemplate(podTemplateId, accountId, newName, newDescription,
                data), "PodTemplate", podTemplateId);
    }

    @Transactional
    public void delete(RegionCatalog.Region region, String accountId, String podTemplateId) {
        existing(accountId, region.id(), podTemplateId);
        commands.send(new PodTemplateCommands.DeletePodTemplate(podTemplateId, accountId), "PodTemplate",
                podTemplateId);
    }

    /** verifyPodTemplate: nothing when createPods would take the template now, else every reason it would not. */
    @Transactional
    public void verify(RegionCatalog.Region region, String accountId, String podTemplateId) {
        checked(region, accountId, spec(existing(accountId, region.id(), podTemplateId).data()));
    }

    /** The spec as PodTemplateData (defaults filled in, its subnet's VPC named), or every problem it has. */
    private JsonNode checked(RegionCatalog.Region region, String accountId, PodTemplateSpec spec) {
        List<String> problems = new ArrayList<>();
        validator.validate(spec).stream()
                .sorted(Comparator.comparing((ConstraintViolation<PodTemplateSpec> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add("Invalid podTemplateSpec." + v.getPropertyPath() + ": " + v.getMessage()));
        ApiException first = null;
        if (problems.isEmpty()) {
            for (ApiException problem : podSpecProblems.of(region, accountId, spec.toPodSpec())) {
                first = first == null ? problem : first;
                problems.add(problem.getMessage().replace("podSpec.", "podTemplateSpec."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(first == null ? ErrorStatus.INVALID_ARGUMENT : first.status(), problems.size() == 1
                    ? problems.get(0) : problems.size() + " problems: " + String.join("; ", problems));
        }
        String subnetId = spec.primaryNetworkInterface().networkInterface().subnetId();
        String vpcId = networks.vpcOf(accountId, region.id(), subnetId);
        return data(spec, vpcId);
    }

    /** JD Cloud's PodTemplateData of a spec: restartPolicy and grace period filled in, tags, the VPC and subnet. */
    static JsonNode data(PodTemplateSpec spec, String vpcId) {
        ObjectNode data = JSON.valueToTree(spec);
        data.put("restartPolicy", spec.restartPolicy() == null ? "Always" : spec.restartPolicy());
        data.put("terminationGracePeriodSeconds",
                spec.terminationGracePeriodSeconds() == null ? 30 : spec.terminationGracePeriodSeconds());
        JsonNode tags = data.remove("userTags");
        data.set("tags", tags == null ? JSON.createArrayNode() : tags);
        data.put("vpcId", vpcId);
        data.put("subnetId", spec.primaryNetworkInterface().networkInterface().subnetId());
        return data;
    }

    /** The spec a PodTemplateData was made from. */
    static PodTemplateSpec spec(JsonNode data) {
        ObjectNode copy = data.deepCopy();
        copy.remove("vpcId");
        copy.remove("subnetId");
        copy.set("userTags", copy.remove("tags"));
        try {
            return JSON.treeToValue(copy, PodTemplateSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored pod template is not a PodTemplateSpec", e);
        }
    }

    private PodTemplateIndex.Stored existing(String accountId, String regionId, String podTemplateId) {
        return index.findLocked(accountId, regionId, podTemplateId).orElseThrow(() -> ApiException.notFound(
                "PodTemplate '" + podTemplateId + "' not found in " + regionId));
    }

    private static void checkAttributes(String name, String description) {
        GeneralNames.require("name", name);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ApiException.invalidArgument("Invalid description: at most " + MAX_DESCRIPTION + " characters; got "
                    + description.length());
        }
    }
}
