package conformance

// Image caches through JD Cloud's Go SDK: createImageCache (the image pulled on the nodes with the
// fixture's secret), describeImageCache until Ready, describeImageCaches, getMostSuitableImageCache,
// updateImageCache (PATCH), a pod that names the cache instead of an image, deleteImageCache, and a
// missing cache's 404.

import (
	"strings"
	"testing"
	"time"

	common "github.com/jdcloud-api/jdcloud-sdk-go/services/common/models"
	podapis "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/apis"
	podmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/models"
)

func (f *fixture) describeImageCache(t *testing.T, id string) podmodels.ImageCache {
	t.Helper()
	resp, err := f.pods.DescribeImageCache(podapis.NewDescribeImageCacheRequest(run.region, id))
	ok(t, "describeImageCache", resp, err)
	return resp.Result.ImageCache
}

func (f *fixture) imageCaches(t *testing.T) {
	create := podapis.NewCreateImageCacheRequest(run.region, &podmodels.ImageCacheSpec{Image: run.image,
		Secret: ptr(f.secret), RetentionDays: ptr(3)})
	create.SetName(run.prefix + "-cache")
	created, err := f.pods.CreateImageCache(create)
	ok(t, "createImageCache", created, err)
	if len(created.Result.ImageCacheId) != 1 || !strings.HasPrefix(created.Result.ImageCacheId[0], "ic-") {
		t.Fatalf("createImageCache imageCacheId = %v, want one ic-...", created.Result.ImageCacheId)
	}
	id := created.Result.ImageCacheId[0]
	waitUntil(t, "the image cache Ready", 90*time.Second, func() bool {
		return f.describeImageCache(t, id).Status == "Ready"
	})
	cache := f.describeImageCache(t, id)
	eq(t, "imageName", cache.ImageName, run.image)
	eq(t, "name", cache.Name, run.prefix+"-cache")
	eq(t, "size", cache.Size, 20)
	if cache.CreateTime == "" || cache.ExpireDateTime == "" {
		t.Errorf("describeImageCache createTime %q, expireDateTime %q: want both", cache.CreateTime, cache.ExpireDateTime)
	}

	list := podapis.NewDescribeImageCachesRequest(run.region)
	list.SetFilters([]common.Filter{{Name: "imageCacheId", Values: []string{id}}})
	listed, err := f.pods.DescribeImageCaches(list)
	ok(t, "describeImageCaches", listed, err)
	if listed.Result.TotalCount != 1 || len(listed.Result.ImageCaches) != 1 || listed.Result.ImageCaches[0].ImageCacheId != id {
		t.Errorf("describeImageCaches by imageCacheId = %+v, want the one cache", listed.Result)
	}
	suitable, err := f.pods.GetMostSuitableImageCache(podapis.NewGetMostSuitableImageCacheRequest(run.region, run.image))
	ok(t, "getMostSuitableImageCache", suitable, err)
	if !suitable.Result.Found || suitable.Result.ImageCache.ImageCacheId == "" {
		t.Errorf("getMostSuitableImageCache = %+v, want a Ready cache of %s", suitable.Result, run.image)
	}

	update := podapis.NewUpdateImageCacheRequest(run.region, id)
	update.SetName(run.prefix + "-renamed")
	updated, err := f.pods.UpdateImageCache(update)
	ok(t, "updateImageCache", updated, err)
	eq(t, "name after updateImageCache", f.describeImageCache(t, id).Name, run.prefix+"-renamed")

	// a pod that names the cache and no image runs the cached image
	container := f.container("main", ticker, nil)
	container.Image = nil
	container.ImageCacheId = ptr(id)
	pod := f.createPod(t, f.podSpec(run.prefix+"-cached", []podmodels.ContainerSpec{container}))
	running := f.waitPhase(t, pod, "running", runningTimeout)
	if len(running.Containers) != 1 || running.Containers[0].Image != run.image {
		t.Errorf("the cached pod's containers = %+v, want the image %s", running.Containers, run.image)
	}
	eq(t, "useCount after a pod used it", f.describeImageCache(t, id).UseCount, 1)
	f.deletePodNow(t, pod)

	deleted, err := f.pods.DeleteImageCache(podapis.NewDeleteImageCacheRequest(run.region, id))
	ok(t, "deleteImageCache", deleted, err)
	gone, err := f.pods.DescribeImageCache(podapis.NewDescribeImageCacheRequest(run.region, id))
	if e := failed(t, "describeImageCache after deleteImageCache", gone, err); e.Code != 404 || e.Status != "NOT_FOUND" {
		t.Errorf("describeImageCache after deleteImageCache: error %+v, want 404 NOT_FOUND", e)
	}
}
