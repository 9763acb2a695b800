"""Image caches with JD Cloud's Python SDK: createImageCache and createImageCaches (the image pulled
on the nodes with the session's registry secret), describeImageCache until Ready,
describeImageCaches with filters, getMostSuitableImageCache, updateImageCache, a pod that names its
cache instead of an image, deleteImageCache, the imageCache quota, and their errors."""
from conftest import RUNNING_TIMEOUT, create_pod, delete_pod, error_dict, pod_spec, wait_phase
from expect import TICKER, Checks, wait_until

from jdcloud_sdk.services.common.models.Filter import Filter
from jdcloud_sdk.services.pod.apis.CreateImageCacheRequest import CreateImageCacheParameters, CreateImageCacheRequest
from jdcloud_sdk.services.pod.apis.CreateImageCachesRequest import (CreateImageCachesParameters,
                                                                     CreateImageCachesRequest)
from jdcloud_sdk.services.pod.apis.DeleteImageCacheRequest import DeleteImageCacheParameters, DeleteImageCacheRequest
from jdcloud_sdk.services.pod.apis.DescribeImageCacheRequest import (DescribeImageCacheParameters,
                                                                      DescribeImageCacheRequest)
from jdcloud_sdk.services.pod.apis.DescribeImageCachesRequest import (DescribeImageCachesParameters,
                                                                       DescribeImageCachesRequest)
from jdcloud_sdk.services.pod.apis.DescribeQuotaRequest import DescribeQuotaParameters, DescribeQuotaRequest
from jdcloud_sdk.services.pod.apis.GetMostSuitableImageCacheRequest import (GetMostSuitableImageCacheParameters,
                                                                             GetMostSuitableImageCacheRequest)
from jdcloud_sdk.services.pod.apis.UpdateImageCacheRequest import UpdateImageCacheParameters, UpdateImageCacheRequest
from jdcloud_sdk.services.pod.models.CloudDiskSpec import CloudDiskSpec
from jdcloud_sdk.services.pod.models.ContainerSpec import ContainerSpec
from jdcloud_sdk.services.pod.models.ImageCacheSpec import ImageCacheSpec

READY_TIMEOUT = 90


def describe(pods, env, cache_id):
    return pods.ok(DescribeImageCacheRequest(DescribeImageCacheParameters(env.region, cache_id)))['imageCache']


def wait_settled(pods, env, cache_id):
    return wait_until(lambda: (lambda c: c if c['status'] != 'Creating' else None)(describe(pods, env, cache_id)),
                      READY_TIMEOUT, 'image cache %s Ready or Error' % cache_id)


def used(pods, env):
    return pods.ok(DescribeQuotaRequest(DescribeQuotaParameters(env.region, 'imageCache')))['quota']['used']


def test_image_cache_crud_and_a_pod_that_names_one(pods, env, network, secret, created_pods):
    used_before = used(pods, env)
    params = CreateImageCacheParameters(env.region, ImageCacheSpec(env.image, secret=secret, retentionDays=7))
    params.setName(env.prefix + '-cache')
    ids = pods.ok(CreateImageCacheRequest(params))['imageCacheId']
    assert isinstance(ids, list) and len(ids) == 1 and ids[0].startswith('ic-'), ids
    cache_id = ids[0]
    with Checks('describeImageCache once the nodes have answered') as c:
        cache = wait_settled(pods, env, cache_id)
        c.eq(cache, 'imageCacheId', cache_id)
        c.eq(cache, 'name', env.prefix + '-cache')
        c.eq(cache, 'imageName', env.image)
        c.eq(cache, 'status', 'Ready')
        c.eq(cache, 'size', 20)
        c.eq(cache, 'useCount', 0)
        c.date(cache, 'createTime')
        c.date(cache, 'expireDateTime')
    assert used(pods, env) == used_before + 1

    with Checks('describeImageCaches filtered by imageCacheId and status') as c:
        params = DescribeImageCachesParameters(env.region)
        params.setFilters([Filter('imageCacheId', [cache_id]), Filter('status', ['Ready'])])
        listed = pods.ok(DescribeImageCachesRequest(params))
        c.eq(listed, 'totalCount', 1)
        c.eq(listed, 'imageCaches[0].imageCacheId', cache_id)
    with Checks('getMostSuitableImageCache of the image') as c:
        suitable = pods.ok(GetMostSuitableImageCacheRequest(GetMostSuitableImageCacheParameters(env.region, env.image)))
        c.eq(suitable, 'found', True)
        c.eq(suitable, 'imageCache.imageCacheId', cache_id)
        nothing = pods.ok(GetMostSuitableImageCacheRequest(GetMostSuitableImageCacheParameters(
            env.region, env.image + '-nothing')))
        c.eq(nothing, 'found', False)

    update = UpdateImageCacheParameters(env.region, cache_id)
    update.setName(env.prefix + '-renamed')
    update.setRetentionDays(0)
    pods.ok(UpdateImageCacheRequest(update))
    with Checks('describeImageCache after updateImageCache') as c:
        cache = describe(pods, env, cache_id)
        c.eq(cache, 'name', env.prefix + '-renamed')
        c.absent(cache, 'expireDateTime')

    # a pod that names the cache instead of an image runs the cached image
    container = ContainerSpec('main', CloudDiskSpec(category='local', sizeGB=20), command=TICKER, secret=secret,
                              imageCacheId=cache_id, tty=False)
    pod_id = create_pod(pods, env, created_pods, pod_spec(env, network, secret, env.prefix + '-cached', [container]))
    pod = wait_phase(pods, env, pod_id, 'running', RUNNING_TIMEOUT)
    assert pod['containers'][0]['image'] == env.image, pod['containers'][0]
    assert describe(pods, env, cache_id)['useCount'] == 1
    delete_pod(pods, env, pod_id)

    pods.ok(DeleteImageCacheRequest(DeleteImageCacheParameters(env.region, cache_id)))
    gone = error_dict(pods.error(DescribeImageCacheRequest(DescribeImageCacheParameters(env.region, cache_id))))
    assert (gone['code'], gone['status']) == (404, 'NOT_FOUND'), gone
    assert used(pods, env) == used_before


def test_image_caches_at_once_and_errors(pods, env, secret):
    params = CreateImageCachesParameters(env.region, [ImageCacheSpec(env.image, secret=secret),
                                                      ImageCacheSpec(env.image, secret=secret, size=40)])
    ids = pods.ok(CreateImageCachesRequest(params))['imageCacheId']
    assert isinstance(ids, list) and len(ids) == 2, ids
    for cache_id in ids:
        assert wait_settled(pods, env, cache_id)['status'] == 'Ready'
    # the smallest first
    suitable = pods.ok(GetMostSuitableImageCacheRequest(GetMostSuitableImageCacheParameters(env.region, env.image)))
    assert suitable['imageCache']['size'] == 20, suitable
    for cache_id in ids:
        pods.ok(DeleteImageCacheRequest(DeleteImageCacheParameters(env.region, cache_id)))

    missing_secret = error_dict(pods.error(CreateImageCacheRequest(CreateImageCacheParameters(
        env.region, ImageCacheSpec(env.image, secret=env.prefix + '-nosecret')))))
    assert missing_secret['code'] == 404 and 'imageCacheSpec.secret' in missing_secret['message'], missing_secret
    bad_size = error_dict(pods.error(CreateImageCacheRequest(CreateImageCacheParameters(
        env.region, ImageCacheSpec(env.image, size=5)))))
    assert bad_size['code'] == 400 and 'imageCacheSpec.size' in bad_size['message'], bad_size
    for request in (DescribeImageCacheRequest(DescribeImageCacheParameters(env.region, 'ic-doesnotexist')),
                    UpdateImageCacheRequest(UpdateImageCacheParameters(env.region, 'ic-doesnotexist')),
                    DeleteImageCacheRequest(DeleteImageCacheParameters(env.region, 'ic-doesnotexist'))):
        error = error_dict(pods.error(request))
        assert (error['code'], error['status']) == (404, 'NOT_FOUND'), error


def test_the_image_cache_quota_holds(pods, env):
    """Caches are made until the imageCache quota refuses one: 400 QUOTA_EXCEEDED naming it; a cache
    still Creating is not deleted (JD Cloud's rule), so each is deleted once its nodes have answered."""
    made, refused = [], None
    limit = pods.ok(DescribeQuotaRequest(DescribeQuotaParameters(env.region, 'imageCache')))['quota']['limit']
    try:
        for _ in range(limit + 1):
            resp = pods.send(CreateImageCacheRequest(CreateImageCacheParameters(env.region, ImageCacheSpec(env.image))))
            if resp.error is not None:
                refused = error_dict(resp.error)
                break
            made.append(resp.result['imageCacheId'][0])
        assert refused is not None, 'the quota never refused a cache (%d made)' % len(made)
        assert (refused['code'], refused['status']) == (400, 'QUOTA_EXCEEDED'), refused
        assert 'imageCache quota' in refused['message'], refused
    finally:
        for cache_id in made:
            wait_settled(pods, env, cache_id)
            pods.ok(DeleteImageCacheRequest(DeleteImageCacheParameters(env.region, cache_id)))
