/**
 * Pod templates (JD Cloud's createPodTemplate, updatePodTemplate, deletePodTemplate and
 * verifyPodTemplate): stored pod specifications held to createPods' rules. The PodTemplate aggregate,
 * the index the command side reads them from, and the service that checks them.
 */
package io.podservice.command.podtemplate;
