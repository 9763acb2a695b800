package conformance

// The 24 pod operations and the VPC subset through JD Cloud's Go SDK. TestPods makes the shared
// fixture (secret, network, main pod) and runs the subtests against it; a second pod goes through
// stop, rebuild, start and delete.

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	common "github.com/jdcloud-api/jdcloud-sdk-go/services/common/models"
	podapis "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/apis"
	podmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/models"
	vpcapis "github.com/jdcloud-api/jdcloud-sdk-go/services/vpc/apis"
	vpcmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/vpc/models"
)

var rebuilt = []string{"sh", "-c", "echo rebuilt; while true; do echo tock; sleep 1; done"}

func TestPods(t *testing.T) {
	f := newFixture(t)
	mainWant := podWant{id: f.mainPod, name: f.mainName, phase: "running", hostname: "go-main",
		tag: [2]string{"weird", weirdTag()}, subnet: true,
		containers: []containerWant{{name: "main", image: run.image, secret: f.secret, command: ticker,
			limits: [2]string{"1000m", "4096Mi"}, category: "local"}}}

	t.Run("CreatePodsPrivateImageWithSecretReachesRunning", func(t *testing.T) {
		f.checkPod(t, "describePod", f.describePod(t, f.mainPod), mainWant)
	})

	t.Run("DescribePodJDCloudOptionalFields", func(t *testing.T) {
		f.checkPodExtras(t, "describePod", f.describePod(t, f.mainPod))
	})

	t.Run("DescribePods", func(t *testing.T) {
		describe := func(what string, filters []common.Filter, tags []podmodels.TagFilter) *podapis.DescribePodsResponse {
			t.Helper()
			req := podapis.NewDescribePodsRequest(run.region)
			req.SetPageSize(10)
			req.SetPageNumber(1)
			if filters != nil {
				req.SetFilters(filters)
			}
			if tags != nil {
				req.SetTags(tags)
			}
			resp, err := f.pods.DescribePods(req)
			ok(t, "describePods "+what, resp, err)
			return resp
		}
		ids := func(resp *podapis.DescribePodsResponse) []string {
			var out []string
			for _, p := range resp.Result.Pods {
				out = append(out, p.PodId)
			}
			return out
		}
		contains := func(list []string, id string) bool {
			for _, x := range list {
				if x == id {
					return true
				}
			}
			return false
		}
		byID := describe("by podId", []common.Filter{{Name: "podId", Values: []string{f.mainPod}}}, nil)
		if byID.Result.TotalCount != 1 || len(byID.Result.Pods) != 1 {
			t.Fatalf("describePods by podId: totalCount %d, pods %v", byID.Result.TotalCount, ids(byID))
		}
		f.checkPod(t, "describePods pods[0]", byID.Result.Pods[0], mainWant)
		for what, filters := range map[string][]common.Filter{
			"phase":          {{Name: "podId", Values: []string{f.mainPod}}, {Name: "phase", Values: []string{"running", "stopped"}}},
			"name (fuzzy)":   {{Name: "name", Values: []string{f.mainName[:len(f.mainName)-2]}}},
			"vpcId":          {{Name: "vpcId", Values: []string{f.vpcID}}},
			"subnetId":       {{Name: "subnetId", Values: []string{f.subnetID}}},
			"operator eq":    {{Name: "podId", Operator: ptr("eq"), Values: []string{f.mainPod}}},
			"az and podId":   {{Name: "az", Values: []string{az}}, {Name: "podId", Values: []string{f.mainPod}}},
			"privateIp (fz)": {{Name: "privateIpAddress", Values: []string{f.describePod(t, f.mainPod).PrivateIpAddress}}},
		} {
			if got := ids(describe(what, filters, nil)); !contains(got, f.mainPod) {
				t.Errorf("describePods by %s = %v, want %s among them", what, got, f.mainPod)
			}
		}
		// a filter value and a tag value with space, ':', '/', '%', '+' and non-ASCII text
		if resp := describe("name "+weird, []common.Filter{{Name: "name", Values: []string{weird}}}, nil); resp.Result.TotalCount != 0 {
			t.Errorf("describePods by name %q = %v, want none", weird, ids(resp))
		}
		if got := ids(describe("tag weird", nil, []podmodels.TagFilter{{Key: "weird", Values: []string{weirdTag()}}})); !equalStrings(got, []string{f.mainPod}) {
			t.Errorf("describePods by tag weird=%q = %v, want [%s]", weirdTag(), got, f.mainPod)
		}
		if got := ids(describe("tag conformance", nil, []podmodels.TagFilter{{Key: "conformance", Values: []string{run.runID}}})); !contains(got, f.mainPod) {
			t.Errorf("describePods by tag conformance=%s = %v, want %s among them", run.runID, got, f.mainPod)
		}
	})

	t.Run("DescribePodsStatus", func(t *testing.T) {
		// JD Cloud's BriefPodStatus, decoded into the SDK's typed struct; describePods' filters; pages up to 500
		req := podapis.NewDescribePodsStatusRequest(run.region)
		req.SetPageSize(500)
		req.SetFilters([]common.Filter{{Name: "podId", Values: []string{f.mainPod}}})
		resp, err := f.pods.DescribePodsStatus(req)
		ok(t, "describePodsStatus", resp, err)
		if resp.Result.TotalCount != 1 || len(resp.Result.PodsStatus) != 1 {
			t.Fatalf("describePodsStatus by podId: totalCount %d, %d entries", resp.Result.TotalCount, len(resp.Result.PodsStatus))
		}
		brief, pod := resp.Result.PodsStatus[0], f.describePod(t, f.mainPod)
		if brief.PodId != f.mainPod || brief.Name != pod.Name || brief.Az != pod.Az || brief.InstanceType != pod.InstanceType ||
			brief.CreateTime != pod.CreateTime {
			t.Errorf("describePodsStatus entry %+v does not match describePod (name %q, az %q, type %q, created %q)",
				brief, pod.Name, pod.Az, pod.InstanceType, pod.CreateTime)
		}
		if brief.PodStatus.Phase != "running" || len(brief.Containers) != 1 || brief.Containers[0].Name != "main" {
			t.Errorf("describePodsStatus: phase %q, containers %+v", brief.PodStatus.Phase, brief.Containers)
		}
		tooBig := podapis.NewDescribePodsStatusRequest(run.region)
		tooBig.SetPageSize(501)
		bad, err := f.pods.DescribePodsStatus(tooBig)
		if err != nil || bad.Error.Code != 400 || bad.Error.Status != "INVALID_ARGUMENT" || !strings.Contains(bad.Error.Message, "pageSize") {
			t.Errorf("describePodsStatus pageSize 501: err %v, error %+v; want 400 INVALID_ARGUMENT naming pageSize", err, bad.Error)
		}
	})

	t.Run("CheckPodName", func(t *testing.T) {
		// JD Cloud: 0 the name may be used, 1 it is empty, 2 it is not valid, 3 a pod has it
		for name, code := range map[string]int{run.prefix + "-free": 0, "": 1, "Not_A_Valid_Name!": 2, f.mainName: 3} {
			req := podapis.NewCheckPodNameRequest(run.region, name)
			req.SetMaxCount(1)
			resp, err := f.pods.CheckPodName(req)
			ok(t, "checkPodName "+name, resp, err)
			if resp.Result.Code != code {
				t.Errorf("checkPodName %q: code %d (reason %q), want %d", name, resp.Result.Code, resp.Result.Reason, code)
			} else if code != 0 && resp.Result.Reason == "" {
				t.Errorf("checkPodName %q: code %d without a reason", name, code)
			}
		}
	})

	t.Run("ModifyPodAttribute", func(t *testing.T) {
		description := "modified by the Go SDK: 中文 / + %"
		req := podapis.NewModifyPodAttributeRequest(run.region, f.mainPod)
		req.SetDescription(description)
		resp, err := f.pods.ModifyPodAttribute(req)
		ok(t, "modifyPodAttribute", resp, err)
		eq(t, "description after modifyPodAttribute", f.describePod(t, f.mainPod).Description, description)
	})

	t.Run("DescribeContainer", func(t *testing.T) {
		resp, err := f.pods.DescribeContainer(podapis.NewDescribeContainerRequest(run.region, f.mainPod, "main"))
		ok(t, "describeContainer", resp, err)
		checkContainer(t, "describeContainer container", resp.Result.Container, mainWant.containers[0], true)
		missing, err := f.pods.DescribeContainer(podapis.NewDescribeContainerRequest(run.region, f.mainPod, "nope"))
		expectError(t, "describeContainer of a missing container",
			failed(t, "describeContainer of a missing container", missing, err), 404, "NOT_FOUND")
	})

	t.Run("GetContainerLogs", func(t *testing.T) {
		var content string
		waitUntil(t, "tick in the main container's log", 30*time.Second, func() bool {
			req := podapis.NewGetContainerLogsRequest(run.region, f.mainPod, "main")
			req.SetTailLines(3)
			req.SetSinceSeconds(600)
			resp, err := f.pods.GetContainerLogs(req)
			ok(t, "getContainerLogs", resp, err)
			content = resp.Result.Logs.Content
			return strings.Contains(content, "tick")
		})
		lines := strings.Fields(content)
		if len(lines) < 1 || len(lines) > 3 {
			t.Errorf("getContainerLogs tailLines=3 = %q, want 1 to 3 lines", content)
		}
	})

	t.Run("ExecAndAttach", func(t *testing.T) {
		create := podapis.NewExecCreateRequest(run.region, f.mainPod, "main", []string{"sh", "-c", "echo hello; exit 3"})
		create.SetTty(false)
		created, err := f.pods.ExecCreate(create)
		ok(t, "execCreate", created, err)
		execID := created.Result.ExecId
		nonEmpty(t, "execCreate result.execId", execID)

		// the SDK's execStart and attach are plain GETs (only jdc speaks the WebSocket): the answer
		// must still be JD Cloud's envelope, which the SDK decodes
		started, err := f.pods.ExecStart(podapis.NewExecStartRequest(run.region, f.mainPod, "main", execID))
		expectError(t, "execStart without a WebSocket upgrade", failed(t, "execStart", started, err),
			400, "INVALID_ARGUMENT", "websocket")
		attached, err := f.pods.Attach(podapis.NewAttachRequest(run.region, f.mainPod, "main"))
		expectError(t, "attach without a WebSocket upgrade", failed(t, "attach", attached, err),
			400, "INVALID_ARGUMENT", "websocket")

		// never started (the SDK cannot): an exit code or FAILED_PRECONDITION, in the envelope
		code, err := f.pods.ExecGetExitCode(podapis.NewExecGetExitCodeRequest(run.region, f.mainPod, "main", execID))
		if err != nil {
			t.Fatalf("execGetExitCode: the Go SDK could not decode the answer: %v", err)
		}
		if code.RequestID == "" {
			t.Errorf("execGetExitCode: no requestId")
		}
		if code.Error.Code != 0 && (code.Error.Code != 400 || code.Error.Status != "FAILED_PRECONDITION") {
			t.Errorf("execGetExitCode of an exec never started: error %+v, want an exit code or 400 FAILED_PRECONDITION", code.Error)
		}

		resized, err := f.pods.ResizeTTY(podapis.NewResizeTTYRequest(run.region, f.mainPod, "main", 40, 120))
		ok(t, "resizeTTY of the attach session", resized, err)
	})

	t.Run("Secrets", func(t *testing.T) {
		resp, err := f.pods.DescribeSecret(podapis.NewDescribeSecretRequest(run.region, f.secret))
		ok(t, "describeSecret", resp, err)
		f.checkSecret(t, "describeSecret", resp.Result.Secret)
		list := podapis.NewDescribeSecretsRequest(run.region)
		list.SetPageSize(10)
		list.SetFilters([]common.Filter{{Name: "name", Values: []string{f.secret[:len(f.secret)-3]}}}) // fuzzy
		secrets, err := f.pods.DescribeSecrets(list)
		ok(t, "describeSecrets", secrets, err)
		found := false
		for _, s := range secrets.Result.Secrets {
			if s.Name == f.secret {
				found = true
				f.checkSecret(t, "describeSecrets", s)
			}
		}
		if !found {
			t.Errorf("describeSecrets with the fuzzy name filter: %+v, want %s", secrets.Result.Secrets, f.secret)
		}
		bad := podapis.NewCreateSecretRequest(run.region, run.prefix+"-bad", "docker-registry",
			&podmodels.DockerRegistryData{Server: "not base64!", Username: b64("user"), Password: b64("password")})
		refused, err := f.pods.CreateSecret(bad)
		expectError(t, "createSecret with data.server not Base64", failed(t, "createSecret", refused, err),
			400, "INVALID_ARGUMENT", "server")
	})

	t.Run("Errors", func(t *testing.T) {
		missing, err := f.pods.DescribePod(podapis.NewDescribePodRequest(run.region, "pod-doesnotexist"))
		expectError(t, "describePod of a missing pod", failed(t, "describePod", missing, err), 404, "NOT_FOUND")
		spec := f.podSpec(run.prefix+"-invalid", []podmodels.ContainerSpec{f.container("main", ticker, nil)})
		spec.Hostname = ptr("-not-a-hostname-")
		invalid, err := f.pods.CreatePods(podapis.NewCreatePodsRequest(run.region, spec, 1))
		expectError(t, "createPods with podSpec.hostname \"-not-a-hostname-\"", failed(t, "createPods", invalid, err),
			400, "INVALID_ARGUMENT", "hostname")
		spec = f.podSpec(run.prefix+"-invalid", []podmodels.ContainerSpec{f.container("main", ticker, nil)})
		spec.ElasticIp = &podmodels.ElasticIpSpec{BandwidthMbps: 500, Provider: ptr("bgp")}
		invalid, err = f.pods.CreatePods(podapis.NewCreatePodsRequest(run.region, spec, 1))
		expectError(t, "createPods with podSpec.elasticIp.bandwidthMbps 500", failed(t, "createPods", invalid, err),
			400, "INVALID_ARGUMENT", "bandwidthMbps")
	})

	t.Run("Vpc", func(t *testing.T) {
		f.checkVpc(t, "describeVpc right after createVpc", f.firstVpc)
		eq(t, "describeVpc description", f.firstVpc.Description, "conformance vpc")
		req := vpcapis.NewDescribeVpcsRequest(run.region)
		req.SetFilters([]common.Filter{{Name: "vpcIds", Values: []string{f.vpcID}}})
		vpcs, err := f.vpcs.DescribeVpcs(req)
		ok(t, "describeVpcs", vpcs, err)
		if eq(t, "describeVpcs totalCount", vpcs.Result.TotalCount, 1); len(vpcs.Result.Vpcs) == 1 {
			f.checkVpc(t, "describeVpcs vpcs[0]", vpcs.Result.Vpcs[0])
			if len(vpcs.Result.Vpcs[0].Subnets) != 1 || vpcs.Result.Vpcs[0].Subnets[0].SubnetId != f.subnetID {
				t.Errorf("describeVpcs vpcs[0].subnets = %+v, want the subnet %s", vpcs.Result.Vpcs[0].Subnets, f.subnetID)
			}
		}
	})

	t.Run("Subnet", func(t *testing.T) {
		f.checkSubnet(t, "describeSubnet right after createSubnet", f.firstSubnet)
		for what, filters := range map[string][]common.Filter{
			"subnetIds":   {{Name: "subnetIds", Values: []string{f.subnetID}}},
			"vpcId":       {{Name: "vpcId", Values: []string{f.vpcID}}},
			"subnetNames": {{Name: "subnetNames", Values: []string{f.subnetName}}},
		} {
			req := vpcapis.NewDescribeSubnetsRequest(run.region)
			req.SetFilters(filters)
			subnets, err := f.vpcs.DescribeSubnets(req)
			ok(t, "describeSubnets by "+what, subnets, err)
			if eq(t, "describeSubnets by "+what+" totalCount", subnets.Result.TotalCount, 1); len(subnets.Result.Subnets) == 1 {
				f.checkSubnet(t, "describeSubnets by "+what, subnets.Result.Subnets[0])
			}
		}
	})

	t.Run("SubnetJDCloudOptionalFields", func(t *testing.T) {
		eq(t, "describeSubnet subnetType", f.firstSubnet.SubnetType, "standard")
	})

	t.Run("SecurityGroup", func(t *testing.T) {
		f.checkSecurityGroup(t, "describeNetworkSecurityGroup right after create", f.firstSG, false)
		checkRules(t, "addNetworkSecurityGroupRules result.securityGroupRules", f.rulesAdded)
		one, err := f.vpcs.DescribeNetworkSecurityGroup(vpcapis.NewDescribeNetworkSecurityGroupRequest(run.region, f.sgID))
		ok(t, "describeNetworkSecurityGroup", one, err)
		f.checkSecurityGroup(t, "describeNetworkSecurityGroup", one.Result.NetworkSecurityGroup, true)
		req := vpcapis.NewDescribeNetworkSecurityGroupsRequest(run.region)
		req.SetFilters([]common.Filter{{Name: "networkSecurityGroupIds", Values: []string{f.sgID}}})
		list, err := f.vpcs.DescribeNetworkSecurityGroups(req)
		ok(t, "describeNetworkSecurityGroups", list, err)
		if eq(t, "describeNetworkSecurityGroups totalCount", list.Result.TotalCount, 1); len(list.Result.NetworkSecurityGroups) == 1 {
			f.checkSecurityGroup(t, "describeNetworkSecurityGroups", list.Result.NetworkSecurityGroups[0], true)
		}
	})

	t.Run("SecurityGroupJDCloudOptionalFields", func(t *testing.T) {
		one, err := f.vpcs.DescribeNetworkSecurityGroup(vpcapis.NewDescribeNetworkSecurityGroupRequest(run.region, f.sgID))
		ok(t, "describeNetworkSecurityGroup", one, err)
		g := one.Result.NetworkSecurityGroup
		eq(t, "networkSecurityGroupType", g.NetworkSecurityGroupType, "custom")
		if g.NetworkInterfaceIds == nil {
			t.Errorf("networkInterfaceIds is missing")
		}
		for i, r := range g.SecurityGroupRules {
			eq(t, fmt.Sprintf("securityGroupRules[%d]", i)+".ruleAction", r.RuleAction, "ALLOW")
			eq(t, fmt.Sprintf("securityGroupRules[%d]", i)+".addressPrefixType", r.AddressPrefixType, "CIDR")
			if r.Priority == 0 {
				t.Errorf("securityGroupRules[%d].priority is missing", i)
			}
		}
	})

	t.Run("ElasticIp", func(t *testing.T) { f.elasticIP(t) })

	t.Run("StopRebuildStartDelete", func(t *testing.T) { f.lifecycle(t) })

	t.Run("ConfigFiles", func(t *testing.T) { f.configFiles(t) })

	t.Run("PodTemplates", func(t *testing.T) { f.podTemplates(t) })

	t.Run("ImageCaches", func(t *testing.T) { f.imageCaches(t) })

	t.Run("Disks", func(t *testing.T) { f.disks(t) })

	t.Run("EmptyDirVolume", func(t *testing.T) {
		// JD Cloud's EmptyDirVolumeSourceSpec: the pod runs with it mounted, describePod shows its size
		container := f.container("main", ticker, nil)
		container.VolumeMounts = []podmodels.VolumeMountSpec{{Name: "scratch", MountPath: "/scratch"}}
		spec := f.podSpec(run.prefix+"-scratch", []podmodels.ContainerSpec{container})
		spec.Volumes = []podmodels.VolumeSpec{{Name: "scratch", EmptyDir: &podmodels.EmptyDirVolumeSourceSpec{SizeMB: ptr(10)}}}
		id := f.createPod(t, spec)
		pod := f.waitPhase(t, id, "running", runningTimeout)
		if len(pod.Volumes) != 1 || pod.Volumes[0].Name != "scratch" || pod.Volumes[0].EmptyDir.SizeMB != 10 {
			t.Errorf("describePod volumes = %+v, want scratch with an emptyDir of 10 MB", pod.Volumes)
		}
		f.deletePodNow(t, id)
	})
}

// elasticIP: createElasticIps, describeElasticIp(s), associateElasticIp and
// disassociateElasticIp with the main pod, deleteElasticIp.
func (f *fixture) elasticIP(t *testing.T) {
	name := run.prefix + "-eip"
	create := vpcapis.NewCreateElasticIpsRequest(run.region, 1, &vpcmodels.ElasticIpSpec{BandwidthMbps: 1, Provider: "bgp"})
	create.SetElasticIpName(name)
	created, err := f.vpcs.CreateElasticIps(create)
	ok(t, "createElasticIps", created, err)
	if len(created.Result.ElasticIpIds) != 1 {
		t.Fatalf("createElasticIps elasticIpIds = %v, want one", created.Result.ElasticIpIds)
	}
	id := created.Result.ElasticIpIds[0]
	describe := func(what string) vpcmodels.ElasticIp {
		t.Helper()
		resp, err := f.vpcs.DescribeElasticIp(vpcapis.NewDescribeElasticIpRequest(run.region, id))
		ok(t, what, resp, err)
		return resp.Result.ElasticIp
	}
	t.Cleanup(func() {
		if bound := describe("describeElasticIp at cleanup"); bound.InstanceId != "" {
			resp, err := f.pods.DisassociateElasticIp(podapis.NewDisassociateElasticIpRequest(run.region, bound.InstanceId, id))
			ok(t, "disassociateElasticIp at cleanup", resp, err)
		}
		deleted, err := f.vpcs.DeleteElasticIp(vpcapis.NewDeleteElasticIpRequest(run.region, id))
		ok(t, "deleteElasticIp", deleted, err)
		resp, err := f.vpcs.DescribeElasticIp(vpcapis.NewDescribeElasticIpRequest(run.region, id))
		expectError(t, "describeElasticIp after deleteElasticIp", failed(t, "describeElasticIp", resp, err), 404, "NOT_FOUND")
	})
	first := describe("describeElasticIp right after createElasticIps")
	checkElasticIp(t, "describeElasticIp", first, id, nil)
	for what, filters := range map[string][]common.Filter{
		"elasticIpIds":     {{Name: "elasticIpIds", Values: []string{id}}},
		"elasticIpAddress": {{Name: "elasticIpAddress", Values: []string{first.ElasticIpAddress}}},
	} {
		req := vpcapis.NewDescribeElasticIpsRequest(run.region)
		req.SetFilters(filters)
		list, err := f.vpcs.DescribeElasticIps(req)
		ok(t, "describeElasticIps by "+what, list, err)
		if eq(t, "describeElasticIps by "+what+" totalCount", list.Result.TotalCount, 1); len(list.Result.ElasticIps) == 1 {
			eq(t, "describeElasticIps by "+what+" elasticIpId", list.Result.ElasticIps[0].ElasticIpId, id)
		}
	}

	associated, err := f.pods.AssociateElasticIp(podapis.NewAssociateElasticIpRequest(run.region, f.mainPod, id))
	ok(t, "associateElasticIp", associated, err)
	var pod podmodels.Pod
	waitUntil(t, "describePod showing the elastic IP", 30*time.Second, func() bool {
		pod = f.describePod(t, f.mainPod)
		return pod.ElasticIp.ElasticIpId == id
	})
	bound := describe("describeElasticIp after associateElasticIp")
	eq(t, "describePod elasticIp.elasticIpAddress", pod.ElasticIp.ElasticIpAddress, bound.ElasticIpAddress)
	eq(t, "describePod primaryNetworkInterface.networkInterface.primaryIp.elasticIpId",
		pod.PrimaryNetworkInterface.NetworkInterface.PrimaryIp.ElasticIpId, id)
	checkElasticIp(t, "describeElasticIp after associateElasticIp", bound, id, &pod)
	t.Run("JDCloudOptionalFieldsBound", func(t *testing.T) {
		checkElasticIpExtras(t, "describeElasticIp (bound)", bound, name)
	})

	disassociated, err := f.pods.DisassociateElasticIp(podapis.NewDisassociateElasticIpRequest(run.region, f.mainPod, id))
	ok(t, "disassociateElasticIp", disassociated, err)
	waitUntil(t, "describePod without the elastic IP", 30*time.Second, func() bool {
		return f.describePod(t, f.mainPod).ElasticIp.ElasticIpId == ""
	})
	checkElasticIp(t, "describeElasticIp after disassociateElasticIp", describe("describeElasticIp"), id, nil)
}

// lifecycle: a pod with container resources as JD Cloud writes them (strings) through stopPod,
// rebuildPod, resizePod, startPod and deletePod.
func (f *fixture) lifecycle(t *testing.T) {
	name := run.prefix + "-life"
	resources := &podmodels.ResourceRequestsSpec{
		Requests: &podmodels.RequestSpec{Cpu: ptr("250m"), MemoryMB: ptr("128Mi")},
		Limits:   &podmodels.RequestSpec{Cpu: ptr("500m"), MemoryMB: ptr("256Mi")}}
	id := f.createPod(t, f.podSpec(name, []podmodels.ContainerSpec{f.container("main", ticker, resources)}))
	pod := f.waitPhase(t, id, "running", runningTimeout)
	f.checkPod(t, "describePod of the pod with resources", pod, podWant{id: id, name: name, phase: "running", subnet: true,
		containers: []containerWant{{name: "main", image: run.image, secret: f.secret, command: ticker,
			limits: [2]string{"500m", "256Mi"}, requests: [2]string{"250m", "128Mi"}, category: "local"}}})

	stopped, err := f.pods.StopPod(podapis.NewStopPodRequest(run.region, id))
	ok(t, "stopPod", stopped, err)
	pod = f.waitPhase(t, id, "stopped", phaseTimeout)
	if len(pod.Containers) == 1 && pod.Containers[0].ContainerStatus.State.Running.StartedAt != "" {
		t.Errorf("stopped pod's container state = %+v, want not running", pod.Containers[0].ContainerStatus.State)
	}

	rebuild := podapis.NewRebuildPodRequest(run.region, id, []podmodels.RebuildContainerSpec{
		{Name: "main", Image: run.image, Secret: ptr(f.secret), Command: rebuilt, Tty: ptr(false)}})
	rebuiltResp, err := f.pods.RebuildPod(rebuild)
	ok(t, "rebuildPod", rebuiltResp, err)
	waitUntil(t, "the rebuilt pod stopped with the new command", phaseTimeout, func() bool {
		p := f.describePod(t, id)
		return p.PodStatus.Phase == "stopped" && len(p.Containers) == 1 && equalStrings(p.Containers[0].Command, rebuilt)
	})

	// resizePod: refused to the type it has, then to g.n2.large with new resources for its container
	same, err := f.pods.ResizePod(podapis.NewResizePodRequest(run.region, id, instanceType))
	if e := failed(t, "resizePod to its own type", same, err); e.Code != 400 || !strings.Contains(e.Message, "already") {
		t.Errorf("resizePod to its own type: error %+v, want 400 saying it is of that type already", e)
	}
	resize := podapis.NewResizePodRequest(run.region, id, "g.n2.large")
	resize.SetContainerResources([]podmodels.ContainerResourceSpec{{Name: "main", Resources: &podmodels.ResourceRequestsSpec{
		Limits: &podmodels.RequestSpec{Cpu: ptr("1500m"), MemoryMB: ptr("1Gi")}}}})
	resized, err := f.pods.ResizePod(resize)
	ok(t, "resizePod", resized, err)
	pod = f.describePod(t, id)
	eq(t, "instanceType after resizePod", pod.InstanceType, "g.n2.large")
	if len(pod.Containers) != 1 || pod.Containers[0].Resources.Limits.Cpu != "1500m" ||
		pod.Containers[0].Resources.Limits.MemoryMB != "1024Mi" {
		t.Errorf("containers after resizePod = %+v, want main limited to 1500m and 1024Mi", pod.Containers)
	}

	started, err := f.pods.StartPod(podapis.NewStartPodRequest(run.region, id))
	ok(t, "startPod", started, err)
	f.waitPhase(t, id, "running", runningTimeout)
	running, err := f.pods.ResizePod(podapis.NewResizePodRequest(run.region, id, instanceType))
	if e := failed(t, "resizePod of a running pod", running, err); e.Code != 400 || !strings.Contains(e.Message, "stopped") {
		t.Errorf("resizePod of a running pod: error %+v, want 400 saying it must be stopped", e)
	}
	waitUntil(t, "the rebuilt command's output in getContainerLogs", 30*time.Second, func() bool {
		req := podapis.NewGetContainerLogsRequest(run.region, id, "main")
		req.SetTailLines(100)
		resp, err := f.pods.GetContainerLogs(req)
		ok(t, "getContainerLogs", resp, err)
		return strings.Contains(resp.Result.Logs.Content, "rebuilt")
	})

	deleted, err := f.pods.DeletePod(podapis.NewDeletePodRequest(run.region, id))
	ok(t, "deletePod", deleted, err)
	waitUntil(t, "the pod gone after deletePod", goneTimeout, func() bool {
		gone, _, err := f.gone(id)
		if err != nil {
			t.Fatalf("describePod after deletePod: %v", err)
		}
		return gone
	})
}

// configFiles: createConfigFile, describeConfigFile, updateConfigFile, deleteConfigFile and their
// errors, decoded into the SDK's structs; a pod mounting one prints its content and, after
// updateConfigFile, the new content; a config file in use is not deleted.
func (f *fixture) configFiles(t *testing.T) {
	name := run.prefix + "-cfg"
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	created, err := f.pods.CreateConfigFile(podapis.NewCreateConfigFileRequest(run.region, name,
		[]podmodels.ConfigFileData{{Key: "app.conf", Value: b64("greeting=one")}}))
	ok(t, "createConfigFile", created, err)
	if created.Result.Name != name {
		t.Errorf("createConfigFile name = %q, want %q", created.Result.Name, name)
	}
	described, err := f.pods.DescribeConfigFile(podapis.NewDescribeConfigFileRequest(run.region, name))
	ok(t, "describeConfigFile", described, err)
	if got := described.Result.ConfigFile; got.Name != name || len(got.Data) != 1 || got.Data[0].Key != "app.conf" ||
		got.Data[0].Value != b64("greeting=one") {
		t.Errorf("describeConfigFile = %+v", got)
	}
	again, err := f.pods.CreateConfigFile(podapis.NewCreateConfigFileRequest(run.region, name,
		[]podmodels.ConfigFileData{{Key: "a", Value: b64("x")}}))
	if err != nil || again.Error.Code != 409 || again.Error.Status != "ALREADY_EXISTS" {
		t.Errorf("createConfigFile of a taken name: err %v, error %+v; want 409 ALREADY_EXISTS", err, again.Error)
	}
	missing, err := f.pods.DescribeConfigFile(podapis.NewDescribeConfigFileRequest(run.region, name+"-missing"))
	if err != nil || missing.Error.Code != 404 || missing.Error.Status != "NOT_FOUND" {
		t.Errorf("describeConfigFile of a missing one: err %v, error %+v; want 404 NOT_FOUND", err, missing.Error)
	}

	container := f.container("main", []string{"sh", "-c", "while true; do cat /etc/app/app.conf; echo; sleep 1; done"}, nil)
	container.VolumeMounts = []podmodels.VolumeMountSpec{{Name: "cfg", MountPath: "/etc/app"}}
	spec := f.podSpec(run.prefix+"-configured", []podmodels.ContainerSpec{container})
	spec.Volumes = []podmodels.VolumeSpec{{Name: "cfg", ConfigFile: &podmodels.ConfigFileVolumeSourceSpec{Name: ptr(name)}}}
	id := f.createPod(t, spec)
	defer f.deletePodNow(t, id)
	pod := f.waitPhase(t, id, "running", runningTimeout)
	if len(pod.Volumes) != 1 || pod.Volumes[0].ConfigFile.Name != name {
		t.Errorf("describePod volumes = %+v, want the config file %s", pod.Volumes, name)
	}
	logsShow := func(text string) func() bool {
		return func() bool {
			req := podapis.NewGetContainerLogsRequest(run.region, id, "main")
			req.SetTailLines(3)
			resp, err := f.pods.GetContainerLogs(req)
			ok(t, "getContainerLogs", resp, err)
			return strings.Contains(resp.Result.Logs.Content, text)
		}
	}
	waitUntil(t, "the config file's content in the pod's output", 30*time.Second, logsShow("greeting=one"))
	inUse, err := f.pods.DeleteConfigFile(podapis.NewDeleteConfigFileRequest(run.region, name))
	if err != nil || inUse.Error.Code != 400 || !strings.Contains(inUse.Error.Message, id) {
		t.Errorf("deleteConfigFile of a mounted one: err %v, error %+v; want 400 naming %s", err, inUse.Error, id)
	}
	updated, err := f.pods.UpdateConfigFile(podapis.NewUpdateConfigFileRequest(run.region, name,
		[]podmodels.ConfigFileData{{Key: "app.conf", Value: b64("greeting=two")}}))
	ok(t, "updateConfigFile", updated, err)
	waitUntil(t, "the updated content in the running pod's output", 40*time.Second, logsShow("greeting=two"))

	f.deletePodNow(t, id)
	deleted, err := f.pods.DeleteConfigFile(podapis.NewDeleteConfigFileRequest(run.region, name))
	ok(t, "deleteConfigFile", deleted, err)
}
