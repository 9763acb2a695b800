package conformance

// What the pod and VPC tests share: a docker-registry secret for the run's private registry
// (data Base64), a VPC, subnet and security group, and the main pod, made through the Go SDK.
// Everything is deleted when the test that made it ends (t.Cleanup, last made first deleted);
// the deletes are checked too.

import (
	"testing"
	"time"

	"github.com/jdcloud-api/jdcloud-sdk-go/core"
	podapis "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/apis"
	podclient "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/client"
	podmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/models"
	vpcapis "github.com/jdcloud-api/jdcloud-sdk-go/services/vpc/apis"
	vpcclient "github.com/jdcloud-api/jdcloud-sdk-go/services/vpc/client"
	vpcmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/vpc/models"
)

type fixture struct {
	pods *podclient.PodClient
	vpcs *vpcclient.VpcClient

	secret string

	vpcID, vpcName, subnetID, subnetName, sgID, sgName string
	firstVpc                                           vpcmodels.Vpc
	firstSubnet                                        vpcmodels.Subnet
	firstSG                                            vpcmodels.NetworkSecurityGroup
	rulesAdded                                         []vpcmodels.SecurityGroupRule

	mainPod, mainName string
	created           []string // pods to delete at the end
}

// newFixture makes the secret, the network and the main pod (running when it returns).
func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{}
	f.pods, f.vpcs = clients(t)
	f.makeSecret(t)
	f.makeNetwork(t)
	t.Cleanup(func() { // registered last: runs first
		for _, id := range f.created {
			f.deletePodNow(t, id)
		}
	})
	f.mainName = run.prefix + "-main"
	spec := f.podSpec(f.mainName, []podmodels.ContainerSpec{f.container("main", ticker, nil)})
	spec.Hostname = ptr("go-main")
	spec.Description = ptr("conformance main pod")
	spec.UserTags = []podmodels.Tag{{Key: ptr("conformance"), Value: ptr(run.runID)}, {Key: ptr("weird"), Value: ptr(weirdTag())}}
	f.mainPod = f.createPod(t, spec)
	f.waitPhase(t, f.mainPod, "running", runningTimeout)
	return f
}

func (f *fixture) makeSecret(t *testing.T) {
	t.Helper()
	f.secret = run.prefix + "-registry"
	data := &podmodels.DockerRegistryData{Server: b64(run.registryServer), Username: b64(run.registryUsername),
		Password: b64(run.registryPass), Email: ptr(b64(email))}
	created, err := f.pods.CreateSecret(podapis.NewCreateSecretRequest(run.region, f.secret, "docker-registry", data))
	ok(t, "createSecret", created, err)
	eq(t, "createSecret result.secretName", created.Result.SecretName, f.secret)
	t.Cleanup(func() {
		deleted, err := f.pods.DeleteSecret(podapis.NewDeleteSecretRequest(run.region, f.secret))
		ok(t, "deleteSecret", deleted, err)
		resp, err := f.pods.DescribeSecret(podapis.NewDescribeSecretRequest(run.region, f.secret))
		expectError(t, "describeSecret after deleteSecret", failed(t, "describeSecret after deleteSecret", resp, err),
			404, "NOT_FOUND")
	})
	first, err := f.pods.DescribeSecret(podapis.NewDescribeSecretRequest(run.region, f.secret))
	ok(t, "describeSecret right after createSecret", first, err)
}

func (f *fixture) makeNetwork(t *testing.T) {
	t.Helper()
	f.vpcName = run.prefix + "-vpc"
	createVpc := vpcapis.NewCreateVpcRequest(run.region, f.vpcName)
	createVpc.SetAddressPrefix(run.vpcPrefix())
	createVpc.SetDescription("conformance vpc")
	vpc, err := f.vpcs.CreateVpc(createVpc)
	ok(t, "createVpc", vpc, err)
	f.vpcID = vpc.Result.VpcId
	t.Cleanup(func() {
		deleted, err := f.vpcs.DeleteVpc(vpcapis.NewDeleteVpcRequest(run.region, f.vpcID))
		ok(t, "deleteVpc", deleted, err)
		resp, err := f.vpcs.DescribeVpc(vpcapis.NewDescribeVpcRequest(run.region, f.vpcID))
		expectError(t, "describeVpc after deleteVpc", failed(t, "describeVpc after deleteVpc", resp, err), 404, "NOT_FOUND")
	})
	firstVpc, err := f.vpcs.DescribeVpc(vpcapis.NewDescribeVpcRequest(run.region, f.vpcID))
	ok(t, "describeVpc right after createVpc", firstVpc, err)
	f.firstVpc = firstVpc.Result.Vpc

	f.subnetName = run.prefix + "-subnet"
	subnet, err := f.vpcs.CreateSubnet(vpcapis.NewCreateSubnetRequest(run.region, f.vpcID, f.subnetName, run.subnetPrefix()))
	ok(t, "createSubnet", subnet, err)
	f.subnetID = subnet.Result.SubnetId
	t.Cleanup(func() {
		deleted, err := f.vpcs.DeleteSubnet(vpcapis.NewDeleteSubnetRequest(run.region, f.subnetID))
		ok(t, "deleteSubnet", deleted, err)
		resp, err := f.vpcs.DescribeSubnet(vpcapis.NewDescribeSubnetRequest(run.region, f.subnetID))
		expectError(t, "describeSubnet after deleteSubnet", failed(t, "describeSubnet after deleteSubnet", resp, err),
			404, "NOT_FOUND")
	})
	firstSubnet, err := f.vpcs.DescribeSubnet(vpcapis.NewDescribeSubnetRequest(run.region, f.subnetID))
	ok(t, "describeSubnet right after createSubnet", firstSubnet, err)
	f.firstSubnet = firstSubnet.Result.Subnet

	f.sgName = run.prefix + "-sg"
	createSG := vpcapis.NewCreateNetworkSecurityGroupRequest(run.region, f.vpcID, f.sgName)
	createSG.SetDescription("conformance security group")
	sg, err := f.vpcs.CreateNetworkSecurityGroup(createSG)
	ok(t, "createNetworkSecurityGroup", sg, err)
	f.sgID = sg.Result.NetworkSecurityGroupId
	t.Cleanup(func() {
		deleted, err := f.vpcs.DeleteNetworkSecurityGroup(vpcapis.NewDeleteNetworkSecurityGroupRequest(run.region, f.sgID))
		ok(t, "deleteNetworkSecurityGroup", deleted, err)
		resp, err := f.vpcs.DescribeNetworkSecurityGroup(vpcapis.NewDescribeNetworkSecurityGroupRequest(run.region, f.sgID))
		expectError(t, "describeNetworkSecurityGroup after delete",
			failed(t, "describeNetworkSecurityGroup after delete", resp, err), 404, "NOT_FOUND")
	})
	firstSG, err := f.vpcs.DescribeNetworkSecurityGroup(vpcapis.NewDescribeNetworkSecurityGroupRequest(run.region, f.sgID))
	ok(t, "describeNetworkSecurityGroup right after create", firstSG, err)
	f.firstSG = firstSG.Result.NetworkSecurityGroup

	rule := vpcmodels.AddSecurityGroupRules{Protocol: 6, Direction: 0, AddressPrefix: "0.0.0.0/0", FromPort: ptr(22),
		ToPort: ptr(22), Description: ptr("ssh in")}
	added, err := f.vpcs.AddNetworkSecurityGroupRules(vpcapis.NewAddNetworkSecurityGroupRulesRequest(run.region, f.sgID,
		[]vpcmodels.AddSecurityGroupRules{rule}))
	ok(t, "addNetworkSecurityGroupRules", added, err)
	f.rulesAdded = added.Result.SecurityGroupRules
}

func (f *fixture) container(name string, command []string, resources *podmodels.ResourceRequestsSpec) podmodels.ContainerSpec {
	return podmodels.ContainerSpec{Name: name, Command: command, Image: ptr(run.image), Secret: ptr(f.secret), Tty: ptr(false),
		Resources: resources, SystemDisk: &podmodels.CloudDiskSpec{Category: ptr("local"), SizeGB: ptr(20)}}
}

func (f *fixture) podSpec(name string, containers []podmodels.ContainerSpec) *podmodels.PodSpec {
	return &podmodels.PodSpec{Name: name, InstanceType: instanceType, Az: az, Containers: containers,
		TerminationGracePeriodSeconds: ptr(1),
		PrimaryNetworkInterface: &podmodels.NetworkInterfaceAttachmentSpec{AutoDelete: ptr(true), DeviceIndex: ptr(1),
			NetworkInterface: &podmodels.NetworkInterfaceSpec{SubnetId: f.subnetID, SecurityGroups: []string{f.sgID}}}}
}

// createPod creates one pod; its first describePod must find it (read-your-writes).
func (f *fixture) createPod(t *testing.T, spec *podmodels.PodSpec) string {
	t.Helper()
	req := podapis.NewCreatePodsRequest(run.region, spec, 1)
	req.SetClientToken(spec.Name)
	resp, err := f.pods.CreatePods(req)
	ok(t, "createPods", resp, err)
	if len(resp.Result.PodIds) != 1 {
		t.Fatalf("createPods podIds = %v, want one id", resp.Result.PodIds)
	}
	id := resp.Result.PodIds[0]
	f.created = append(f.created, id)
	first, err := f.pods.DescribePod(podapis.NewDescribePodRequest(run.region, id))
	ok(t, "describePod right after createPods", first, err)
	return id
}

func (f *fixture) describePod(t *testing.T, id string) podmodels.Pod {
	t.Helper()
	resp, err := f.pods.DescribePod(podapis.NewDescribePodRequest(run.region, id))
	ok(t, "describePod "+id, resp, err)
	return resp.Result.Pod
}

func (f *fixture) waitPhase(t *testing.T, id, phase string, timeout time.Duration) podmodels.Pod {
	t.Helper()
	var pod podmodels.Pod
	waitUntil(t, "pod "+id+" in phase "+phase, timeout, func() bool {
		pod = f.describePod(t, id)
		if pod.PodStatus.Phase == "error" {
			t.Fatalf("pod %s went to phase error: %+v", id, pod.PodStatus)
		}
		return pod.PodStatus.Phase == phase
	})
	return pod
}

func (f *fixture) gone(id string) (bool, core.ErrorResponse, error) {
	resp, err := f.pods.DescribePod(podapis.NewDescribePodRequest(run.region, id))
	if err != nil {
		return false, core.ErrorResponse{}, err
	}
	return resp.Error.Code == 404, resp.Error, nil
}

// deletePodNow deletes a pod at the end of a test, once its phase allows it, and waits until
// describePod says 404. It reports problems without stopping the other cleanups.
func (f *fixture) deletePodNow(t *testing.T, id string) {
	t.Helper()
	deadline := time.Now().Add(phaseTimeout)
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		if gone, _, err := f.gone(id); err == nil && gone {
			return
		}
		resp, err := f.pods.DescribePod(podapis.NewDescribePodRequest(run.region, id))
		if err == nil && resp.Error.Code == 0 {
			phase := resp.Result.Pod.PodStatus.Phase
			if phase == "running" || phase == "stopped" || phase == "error" {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Errorf("cleanup: pod %s never reached a phase that allows deletePod", id)
			return
		}
		<-tick.C
	}
	req := podapis.NewDeletePodRequest(run.region, id)
	req.SetDeletePrimaryNetworkInterfaceAllElasticIp(false) // JD Cloud's default, sent explicitly
	resp, err := f.pods.DeletePod(req)
	if err != nil || resp.Error.Code != 0 {
		t.Errorf("cleanup: deletePod %s: %v %+v", id, err, resp)
		return
	}
	deadline = time.Now().Add(goneTimeout)
	for {
		if gone, _, err := f.gone(id); err == nil && gone {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("cleanup: pod %s still there %v after deletePod", id, goneTimeout)
			return
		}
		<-tick.C
	}
}
