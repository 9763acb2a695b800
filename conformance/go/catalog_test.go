package conformance

// describeQuota and describeInstanceTypes through JD Cloud's Go SDK (no pods needed).

import (
	"testing"

	common "github.com/jdcloud-api/jdcloud-sdk-go/services/common/models"
	podapis "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/apis"
)

func TestDescribeQuota(t *testing.T) {
	pods, _ := clients(t)
	for _, resourceType := range []string{"pod", "container", "secret", "imageCache", "podTemplate"} {
		resp, err := pods.DescribeQuota(podapis.NewDescribeQuotaRequest(run.region, resourceType))
		ok(t, "describeQuota "+resourceType, resp, err)
		q := resp.Result.Quota
		eq(t, "describeQuota "+resourceType+" resourceType", q.ResourceType, resourceType)
		if q.Used < 0 || q.Used > q.Limit {
			t.Errorf("describeQuota %s: used %d, limit %d", resourceType, q.Used, q.Limit)
		}
	}
}

func TestDescribeInstanceTypes(t *testing.T) {
	pods, _ := clients(t)
	resp, err := pods.DescribeInstanceTypes(podapis.NewDescribeInstanceTypesRequest(run.region))
	ok(t, "describeInstanceTypes", resp, err) // cpu must be an int for the Go SDK to decode it
	if resp.Result.TotalCount != len(resp.Result.InstanceTypes) || len(resp.Result.InstanceTypes) == 0 {
		t.Errorf("describeInstanceTypes: totalCount %d, %d instance types", resp.Result.TotalCount, len(resp.Result.InstanceTypes))
	}
	for _, it := range resp.Result.InstanceTypes {
		nonEmpty(t, "instanceTypes[].family", it.Family)
		nonEmpty(t, "instanceTypes[].desc", it.Desc)
		if it.Cpu <= 0 || it.MemoryMB <= 0 || it.NicLimit <= 0 || len(it.State) == 0 {
			t.Errorf("instance type %+v: want cpu, memoryMB, nicLimit and state", it)
		}
		for _, s := range it.State {
			nonEmpty(t, "instanceTypes[].state[].az", s.Az)
		}
	}
	req := podapis.NewDescribeInstanceTypesRequest(run.region)
	req.SetFilters([]common.Filter{{Name: "instanceTypes", Values: []string{instanceType}}})
	one, err := pods.DescribeInstanceTypes(req)
	ok(t, "describeInstanceTypes filtered", one, err)
	if len(one.Result.InstanceTypes) != 1 {
		t.Fatalf("describeInstanceTypes filtered to %s: %+v", instanceType, one.Result.InstanceTypes)
	}
	eq(t, "g.n2.medium instanceType", one.Result.InstanceTypes[0].InstanceType, instanceType)
	eq(t, "g.n2.medium cpu", one.Result.InstanceTypes[0].Cpu, 1)
	eq(t, "g.n2.medium memoryMB", one.Result.InstanceTypes[0].MemoryMB, 4096)
}
