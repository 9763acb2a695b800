package conformance

// Checks of the decoded models against what the service must answer (see
// /work/notes/model-diff.md). Every check reports with t.Errorf, so one answer's problems are
// all listed.

import (
	"fmt"
	"testing"

	podmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/models"
	vpcmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/vpc/models"
)

type containerWant struct {
	name, image, secret string
	command             []string
	limits              [2]string // cpu, memoryMB as JD Cloud writes them: "1000m", "4096Mi"
	requests            [2]string // empty: not checked
	category            string
}

type podWant struct {
	id, name, phase, hostname string
	tag                       [2]string // key, value; empty: not checked
	containers                []containerWant
	subnet                    bool // on the fixture's subnet, with its security group
}

func (f *fixture) checkPod(t *testing.T, what string, pod podmodels.Pod, w podWant) {
	t.Helper()
	eq(t, what+" podId", pod.PodId, w.id)
	eq(t, what+" name", pod.Name, w.name)
	if w.hostname != "" {
		eq(t, what+" hostname", pod.Hostname, w.hostname)
	}
	eq(t, what+" az", pod.Az, az)
	eq(t, what+" instanceType", pod.InstanceType, instanceType)
	eq(t, what+" restartPolicy", pod.RestartPolicy, "Always")
	eq(t, what+" terminationGracePeriodSeconds", pod.TerminationGracePeriodSeconds, 1)
	eq(t, what+" logConfig.logDriver", pod.LogConfig.LogDriver, "default")
	date(t, what+" createTime", pod.CreateTime)
	eq(t, what+" podStatus.phase", pod.PodStatus.Phase, w.phase)
	running := w.phase == "running"
	if running {
		nonEmpty(t, what+" podStatus.podIP", pod.PodStatus.PodIP)
		date(t, what+" podStatus.startTime", pod.PodStatus.StartTime)
		ready := false
		for i, c := range pod.PodStatus.Conditions {
			ready = ready || c.ConditionType == "Ready"
			if c.Status != "True" && c.Status != "False" && c.Status != "Unknown" {
				t.Errorf("%s podStatus.conditions[%d].status = %q, want True, False or Unknown", what, i, c.Status)
			}
			date(t, fmt.Sprintf("%s podStatus.conditions[%d].lastTransitionTime", what, i), c.LastTransitionTime)
		}
		if !ready {
			t.Errorf("%s podStatus.conditions = %+v, want a Ready condition", what, pod.PodStatus.Conditions)
		}
	}
	if w.subnet {
		eq(t, what+" vpcId", pod.VpcId, f.vpcID)
		eq(t, what+" subnetId", pod.SubnetId, f.subnetID)
		nic := pod.PrimaryNetworkInterface
		eq(t, what+" primaryNetworkInterface.autoDelete", nic.AutoDelete, true)
		eq(t, what+" primaryNetworkInterface.deviceIndex", nic.DeviceIndex, 1)
		eq(t, what+" primaryNetworkInterface.networkInterface.vpcId", nic.NetworkInterface.VpcId, f.vpcID)
		eq(t, what+" primaryNetworkInterface.networkInterface.subnetId", nic.NetworkInterface.SubnetId, f.subnetID)
		if running {
			ipIn(t, what+" privateIpAddress", pod.PrivateIpAddress, run.subnetPrefix())
			ipIn(t, what+" primaryNetworkInterface.networkInterface.primaryIp.privateIpAddress",
				nic.NetworkInterface.PrimaryIp.PrivateIpAddress, run.subnetPrefix())
		}
		found := false
		for _, g := range nic.NetworkInterface.SecurityGroups {
			found = found || g.GroupId == f.sgID
		}
		if !found {
			t.Errorf("%s primaryNetworkInterface.networkInterface.securityGroups = %+v, want %s", what,
				nic.NetworkInterface.SecurityGroups, f.sgID)
		}
	}
	if w.tag[0] != "" {
		found := false
		for _, tag := range pod.Tags {
			found = found || tag.Key != nil && tag.Value != nil && *tag.Key == w.tag[0] && *tag.Value == w.tag[1]
		}
		if !found {
			var tags []string
			for _, tag := range pod.Tags {
				if tag.Key != nil && tag.Value != nil {
					tags = append(tags, *tag.Key+"="+*tag.Value)
				}
			}
			t.Errorf("%s tags = %q, want %s=%q among them", what, tags, w.tag[0], w.tag[1])
		}
	}
	if len(pod.Containers) != len(w.containers) {
		t.Errorf("%s has %d containers, want %d", what, len(pod.Containers), len(w.containers))
		return
	}
	for i, want := range w.containers {
		checkContainer(t, fmt.Sprintf("%s containers[%d]", what, i), pod.Containers[i], want, running)
	}
}

func checkContainer(t *testing.T, what string, c podmodels.Container, w containerWant, running bool) {
	t.Helper()
	eq(t, what+".name", c.Name, w.name)
	eq(t, what+".image", c.Image, w.image)
	eq(t, what+".secret", c.Secret, w.secret)
	if w.command != nil && !equalStrings(c.Command, w.command) {
		t.Errorf("%s.command = %q, want %q", what, c.Command, w.command)
	}
	eq(t, what+".resources.limits.cpu", c.Resources.Limits.Cpu, w.limits[0])
	eq(t, what+".resources.limits.memoryMB", c.Resources.Limits.MemoryMB, w.limits[1])
	if w.requests[0] != "" {
		eq(t, what+".resources.requests.cpu", c.Resources.Requests.Cpu, w.requests[0])
		eq(t, what+".resources.requests.memoryMB", c.Resources.Requests.MemoryMB, w.requests[1])
	}
	if w.category != "" {
		eq(t, what+".systemDisk.category", c.SystemDisk.Category, w.category)
	}
	eq(t, what+".containerStatus.name", c.ContainerStatus.Name, w.name)
	state := c.ContainerStatus.State
	kinds := 0
	if state.Running.StartedAt != "" {
		kinds++
	}
	if state.Terminated.FinishedAt != "" || state.Terminated.Reason != "" {
		kinds++
	}
	if state.Waiting.Reason != "" {
		kinds++
	}
	if kinds != 1 {
		t.Errorf("%s.containerStatus.state = %+v, want exactly one of running, terminated, waiting", what, state)
	}
	if running {
		date(t, what+".containerStatus.state.running.startedAt", state.Running.StartedAt)
		eq(t, what+".containerStatus.ready", c.ContainerStatus.Ready, true)
	}
}

// checkPodExtras: fields of JD Cloud's Pod model that model-diff.md section 5 (P2) lists.
func (f *fixture) checkPodExtras(t *testing.T, what string, pod podmodels.Pod) {
	t.Helper()
	nonEmpty(t, what+" charge.chargeMode", pod.Charge.ChargeMode)
	nonEmpty(t, what+" charge.chargeStatus", pod.Charge.ChargeStatus)
	date(t, what+" charge.chargeStartTime", pod.Charge.ChargeStartTime)
	nic := pod.PrimaryNetworkInterface
	nonEmpty(t, what+" primaryNetworkInterface.attachStatus", nic.AttachStatus)
	date(t, what+" primaryNetworkInterface.attachTime", nic.AttachTime)
	nonEmpty(t, what+" primaryNetworkInterface.networkInterface.networkInterfaceId", nic.NetworkInterface.NetworkInterfaceId)
	if !macFormat.MatchString(nic.NetworkInterface.MacAddress) {
		t.Errorf("%s primaryNetworkInterface.networkInterface.macAddress = %q, want a MAC address", what,
			nic.NetworkInterface.MacAddress)
	}
	named := false
	for _, g := range nic.NetworkInterface.SecurityGroups {
		named = named || g.GroupId == f.sgID && g.GroupName == f.sgName
	}
	if !named {
		t.Errorf("%s primaryNetworkInterface.networkInterface.securityGroups = %+v, want {%s %s}", what,
			nic.NetworkInterface.SecurityGroups, f.sgID, f.sgName)
	}
}

func (f *fixture) checkSecret(t *testing.T, what string, s podmodels.Secret) {
	t.Helper()
	eq(t, what+" name", s.Name, f.secret)
	eq(t, what+" type", s.Type, "docker-registry")
	date(t, what+" createdAt", s.CreatedAt)
	eq(t, what+" data.server", s.Data.Server, b64(run.registryServer))
	eq(t, what+" data.username", s.Data.Username, b64(run.registryUsername))
	if s.Data.Email == nil || *s.Data.Email != b64(email) {
		t.Errorf("%s data.email = %v, want %q", what, s.Data.Email, b64(email))
	}
	eq(t, what+" data.password", s.Data.Password, "")
}

func (f *fixture) checkVpc(t *testing.T, what string, v vpcmodels.Vpc) {
	t.Helper()
	eq(t, what+" vpcId", v.VpcId, f.vpcID)
	eq(t, what+" vpcName", v.VpcName, f.vpcName)
	eq(t, what+" addressPrefix", v.AddressPrefix, run.vpcPrefix())
	date(t, what+" createdTime", v.CreatedTime)
}

func (f *fixture) checkSubnet(t *testing.T, what string, s vpcmodels.Subnet) {
	t.Helper()
	eq(t, what+" subnetId", s.SubnetId, f.subnetID)
	eq(t, what+" subnetName", s.SubnetName, f.subnetName)
	eq(t, what+" vpcId", s.VpcId, f.vpcID)
	eq(t, what+" addressPrefix", s.AddressPrefix, run.subnetPrefix())
	if s.AvailableIpCount <= 0 {
		t.Errorf("%s availableIpCount = %d, want > 0", what, s.AvailableIpCount)
	}
	ipIn(t, what+" startIp", s.StartIp, run.subnetPrefix())
	ipIn(t, what+" endIp", s.EndIp, run.subnetPrefix())
	date(t, what+" createdTime", s.CreatedTime)
}

func (f *fixture) checkSecurityGroup(t *testing.T, what string, g vpcmodels.NetworkSecurityGroup, withRule bool) {
	t.Helper()
	eq(t, what+" networkSecurityGroupId", g.NetworkSecurityGroupId, f.sgID)
	eq(t, what+" networkSecurityGroupName", g.NetworkSecurityGroupName, f.sgName)
	eq(t, what+" vpcId", g.VpcId, f.vpcID)
	date(t, what+" createdTime", g.CreatedTime)
	if withRule {
		checkRules(t, what+" securityGroupRules", g.SecurityGroupRules)
	}
}

// checkRules wants the rule the fixture added: TCP 22 in from 0.0.0.0/0.
func checkRules(t *testing.T, what string, rules []vpcmodels.SecurityGroupRule) {
	t.Helper()
	for i, r := range rules {
		nonEmpty(t, fmt.Sprintf("%s[%d].ruleId", what, i), r.RuleId)
		date(t, fmt.Sprintf("%s[%d].createdTime", what, i), r.CreatedTime)
		if r.Protocol == 6 && r.Direction == 0 && r.AddressPrefix == "0.0.0.0/0" && r.FromPort == 22 && r.ToPort == 22 {
			eq(t, fmt.Sprintf("%s[%d].ipVersion", what, i), r.IpVersion, 4)
			return
		}
	}
	t.Errorf("%s = %+v, want the rule TCP 22 in from 0.0.0.0/0", what, rules)
}

func checkElasticIp(t *testing.T, what string, e vpcmodels.ElasticIp, id string, pod *podmodels.Pod) {
	t.Helper()
	eq(t, what+" elasticIpId", e.ElasticIpId, id)
	ipIn(t, what+" elasticIpAddress", e.ElasticIpAddress, "127.100.0.0/24")
	eq(t, what+" bandwidthMbps", e.BandwidthMbps, 1)
	eq(t, what+" provider", e.Provider, "bgp")
	date(t, what+" createdTime", e.CreatedTime)
	nonEmpty(t, what+" charge.chargeMode", e.Charge.ChargeMode)
	date(t, what+" charge.chargeStartTime", e.Charge.ChargeStartTime)
	if pod != nil {
		eq(t, what+" instanceId", e.InstanceId, pod.PodId)
		eq(t, what+" instanceType", e.InstanceType, "pod")
		eq(t, what+" privateIpAddress", e.PrivateIpAddress, pod.PrivateIpAddress)
	} else {
		eq(t, what+" instanceId", e.InstanceId, "")
	}
}

func checkElasticIpExtras(t *testing.T, what string, e vpcmodels.ElasticIp, name string) {
	t.Helper()
	eq(t, what+" elasticIpName", e.ElasticIpName, name)
	status := "NOT_ASSOCIATED"
	if e.InstanceId != "" {
		status = "ASSOCIATED"
	}
	eq(t, what+" status", e.Status, status)
	eq(t, what+" state", e.State, "UP")
	eq(t, what+" ipType", e.IpType, "standard")
}
