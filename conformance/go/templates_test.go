package conformance

// Pod templates through JD Cloud's Go SDK: createPodTemplate, describePodTemplate,
// describePodTemplates, updatePodTemplate (PATCH), verifyPodTemplate, deletePodTemplate, and their
// errors (a missing subnet, a missing template).

import (
	"strings"
	"testing"

	common "github.com/jdcloud-api/jdcloud-sdk-go/services/common/models"
	podapis "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/apis"
	podmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/models"
)

func (f *fixture) templateSpec(subnetID string) *podmodels.PodTemplateSpec {
	return &podmodels.PodTemplateSpec{InstanceType: instanceType,
		Containers: []podmodels.PodTemplateContainerSpec{{Name: "main", Command: ticker, Image: ptr(run.image),
			Secret: ptr(f.secret), SystemDisk: &podmodels.PodTemplateCloudDiskSpec{SizeGB: ptr(20)}}},
		PrimaryNetworkInterface: &podmodels.PodTemplateNetworkInterfaceAttachmentSpec{AutoDelete: ptr(true),
			NetworkInterface: &podmodels.PodTemplateNetworkInterfaceSpec{SubnetId: subnetID, SecurityGroups: []string{f.sgID}}},
		UserTags: []podmodels.Tag{{Key: ptr("team"), Value: ptr("go")}}}
}

func (f *fixture) podTemplates(t *testing.T) {
	name := run.prefix + "-tpl"
	created, err := f.pods.CreatePodTemplate(podapis.NewCreatePodTemplateRequest(run.region, name, f.templateSpec(f.subnetID)))
	ok(t, "createPodTemplate", created, err)
	id := created.Result.PodTemplateId
	if !strings.HasPrefix(id, "pt-") {
		t.Fatalf("createPodTemplate podTemplateId = %q, want pt-...", id)
	}
	defer func() {
		deleted, err := f.pods.DeletePodTemplate(podapis.NewDeletePodTemplateRequest(run.region, id))
		ok(t, "deletePodTemplate", deleted, err)
		gone, err := f.pods.DescribePodTemplate(podapis.NewDescribePodTemplateRequest(run.region, id))
		if e := failed(t, "describePodTemplate after deletePodTemplate", gone, err); e.Code != 404 {
			t.Errorf("describePodTemplate after deletePodTemplate: error %+v, want 404", e)
		}
	}()

	described, err := f.pods.DescribePodTemplate(podapis.NewDescribePodTemplateRequest(run.region, id))
	ok(t, "describePodTemplate", described, err)
	tpl := described.Result.PodTemplate
	eq(t, "id", tpl.Id, id)
	eq(t, "name", tpl.Name, name)
	data := tpl.PodTemplateData
	eq(t, "podTemplateData.instanceType", data.InstanceType, instanceType)
	eq(t, "podTemplateData.vpcId", data.VpcId, f.vpcID)
	eq(t, "podTemplateData.subnetId", data.SubnetId, f.subnetID)
	eq(t, "podTemplateData.restartPolicy", data.RestartPolicy, "Always")
	eq(t, "podTemplateData.terminationGracePeriodSeconds", data.TerminationGracePeriodSeconds, 30)
	if len(data.Containers) != 1 || data.Containers[0].Image != run.image || data.Containers[0].Secret != f.secret ||
		data.Containers[0].SystemDisk.SizeGB != 20 {
		t.Errorf("podTemplateData.containers = %+v", data.Containers)
	}
	eq(t, "podTemplateData.primaryNetworkInterface.networkInterface.subnetId",
		data.PrimaryNetworkInterface.NetworkInterface.SubnetId, f.subnetID)
	if len(data.Tags) != 1 || *data.Tags[0].Key != "team" || *data.Tags[0].Value != "go" {
		t.Errorf("podTemplateData.tags = %+v, want team=go", data.Tags)
	}
	if tpl.CreatedTime == "" {
		t.Errorf("createdTime is missing")
	}

	list := podapis.NewDescribePodTemplatesRequest(run.region)
	list.SetFilters([]common.Filter{{Name: "podTemplateIds", Values: []string{id}}})
	listed, err := f.pods.DescribePodTemplates(list)
	ok(t, "describePodTemplates", listed, err)
	if listed.Result.TotalCount != 1 || len(listed.Result.PodTemplates) != 1 || listed.Result.PodTemplates[0].Id != id {
		t.Errorf("describePodTemplates by podTemplateIds = %+v, want the one template", listed.Result)
	}

	verified, err := f.pods.VerifyPodTemplate(podapis.NewVerifyPodTemplateRequest(run.region, id))
	ok(t, "verifyPodTemplate", verified, err)

	update := podapis.NewUpdatePodTemplateRequest(run.region, id)
	update.SetDescription("updated by Go")
	update.SetPodTemplateSpec(&podmodels.UpdatePodTemplateSpec{TerminationGracePeriodSeconds: ptr(5),
		RemoveUserTags: []string{"team"}})
	updated, err := f.pods.UpdatePodTemplate(update)
	ok(t, "updatePodTemplate", updated, err)
	again, err := f.pods.DescribePodTemplate(podapis.NewDescribePodTemplateRequest(run.region, id))
	ok(t, "describePodTemplate after updatePodTemplate", again, err)
	eq(t, "description after update", again.Result.PodTemplate.Description, "updated by Go")
	eq(t, "terminationGracePeriodSeconds after update", again.Result.PodTemplate.PodTemplateData.TerminationGracePeriodSeconds, 5)
	eq(t, "tags after removing team", len(again.Result.PodTemplate.PodTemplateData.Tags), 0)
	eq(t, "name after update", again.Result.PodTemplate.Name, name)

	// a template naming a subnet that does not exist is refused, naming it
	bad, err := f.pods.CreatePodTemplate(podapis.NewCreatePodTemplateRequest(run.region, name+"-bad",
		f.templateSpec("subnet-doesnotexist")))
	if e := failed(t, "createPodTemplate with a missing subnet", bad, err); e.Code != 404 ||
		!strings.Contains(e.Message, "subnet-doesnotexist") {
		t.Errorf("createPodTemplate with a missing subnet: error %+v, want 404 naming it", e)
	}
	missing, err := f.pods.VerifyPodTemplate(podapis.NewVerifyPodTemplateRequest(run.region, "pt-doesnotexist"))
	if e := failed(t, "verifyPodTemplate of a missing template", missing, err); e.Code != 404 || e.Status != "NOT_FOUND" {
		t.Errorf("verifyPodTemplate of a missing template: error %+v, want 404 NOT_FOUND", e)
	}
}
