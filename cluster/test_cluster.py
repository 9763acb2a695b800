"""The distributed deployment under JD Cloud's Python SDK (jdcloud-sdk, unchanged): two command-api,
two query-api, two pod-workers, audit and billing as separate processes behind nginx (cluster/run.sh).

One scenario, in order, because it kills instances part-way:
  1. createPods x50 in parallel, each sent to one command-api instance and described at once on the
     query-api instance that did not see the write (read-your-writes across instances); each create is
     sent again with its clientToken to the other command-api (one pod, not two);
  2. races: one pod changed 2 x 25 times at once by two processes, each on its own command-api (every
     change answered and stored); the same pod stopped twice at once, started twice at once, stopped
     and started at once, each pair sent to the two command-api instances at the same moment;
  3. every pod stopped, started and deleted through the gateway, while one command-api and one
     query-api are killed with SIGKILL part-way through;
  4. the books: no 5xx but 503 (retried, as a client of a cloud API does), every pod's final state
     (describePod, describePods) equal to a fold of the event store, each pod's events numbered
     without a gap or a repeat, exactly one PodCreated each, every event once in the audit trail,
     no container of a deleted pod left on either node.
"""
import base64
import multiprocessing
import os
import signal
import subprocess
import threading
import time
from collections import Counter, defaultdict, namedtuple
from concurrent.futures import ThreadPoolExecutor

from jdcloud_sdk.core.config import Config
from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.core.logger import INFO, Logger
from jdcloud_sdk.services.pod.apis.CreatePodsRequest import CreatePodsParameters, CreatePodsRequest
from jdcloud_sdk.services.pod.apis.CreateSecretRequest import CreateSecretParameters, CreateSecretRequest
from jdcloud_sdk.services.pod.apis.DeletePodRequest import DeletePodParameters, DeletePodRequest
from jdcloud_sdk.services.pod.apis.DeleteSecretRequest import DeleteSecretParameters, DeleteSecretRequest
from jdcloud_sdk.services.pod.apis.DescribePodRequest import DescribePodParameters, DescribePodRequest
from jdcloud_sdk.services.pod.apis.DescribePodsRequest import DescribePodsParameters, DescribePodsRequest
from jdcloud_sdk.services.pod.apis.DescribeSecretRequest import DescribeSecretParameters, DescribeSecretRequest
from jdcloud_sdk.services.pod.apis.ModifyPodAttributeRequest import (ModifyPodAttributeParameters,
                                                                   ModifyPodAttributeRequest)
from jdcloud_sdk.services.pod.apis.StartPodRequest import StartPodParameters, StartPodRequest
from jdcloud_sdk.services.pod.apis.StopPodRequest import StopPodParameters, StopPodRequest
from jdcloud_sdk.services.pod.client.PodClient import PodClient
from jdcloud_sdk.services.pod.models.CloudDiskSpec import CloudDiskSpec
from jdcloud_sdk.services.pod.models.ContainerSpec import ContainerSpec
from jdcloud_sdk.services.pod.models.DockerRegistryData import DockerRegistryData
from jdcloud_sdk.services.pod.models.PodSpec import PodSpec

REGION = 'cn-north-1'
PODS = 50
RACED = 6  # pods 0..5 take part in the races and stay alive until the books are read
HAMMER = int(os.environ.get('CLUSTER_HAMMER', '25'))  # modifyPodAttribute calls from each of two processes, one per command-api
KILL_AFTER_STOPS = 15  # the instances die once this many pods of the lifecycle have been stopped
TICKER = ['sh', '-c', 'while true; do echo tick; sleep 1; done']
RUN = os.environ['CLUSTER_RUN_ID']
GATEWAY = os.environ['CLUSTER_GATEWAY']
COMMAND_APIS = os.environ['CLUSTER_COMMAND_APIS'].split(',')
QUERY_APIS = os.environ['CLUSTER_QUERY_APIS'].split(',')
VICTIMS = dict(item.split('=') for item in os.environ['CLUSTER_PIDS'].split(','))
PHASE_OF = {'PodCreated': 'pending', 'PodRunning': 'running', 'PodFailed': 'error', 'PodStopping': 'stopping',
            'PodStopped': 'stopped', 'PodStarting': 'starting', 'PodDeleting': 'deleting', 'PodDeleted': None,
            'PodRebuilding': 'rebuilding', 'PodRebuilt': 'stopped'}


class Quiet(Logger):
    def __init__(self):
        super().__init__(INFO)

    def log(self, level, message):
        pass


class Answers:
    """Every answer any endpoint gave, by operation and HTTP status: the books of step 4."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_status = Counter()
        self.unexpected = []  # 5xx other than 503, and bodies that were not the API's envelope
        self.unavailable = Counter()  # operation -> 503s (each retried)

    def record(self, where, operation, resp=None, failure=None):
        with self.lock:
            if failure is not None:
                self.unexpected.append('%s %s: %s' % (where, operation, failure))
                return
            code = resp.error.code if resp.error is not None else 200
            self.by_status[(operation, code)] += 1
            if code == 503:
                self.unavailable[operation] += 1
            elif code >= 500:
                self.unexpected.append('%s %s: %s %s %s (requestId %s)' % (
                    where, operation, code, resp.error.status, resp.error.message, resp.request_id))


ANSWERS = Answers()


class Endpoint:
    """JD Cloud's PodClient pointed at one address (the gateway, or one instance)."""

    def __init__(self, address):
        self.address = address
        self.client = PodClient(Credential(os.environ['POD_ACCESS_KEY'], os.environ['POD_SECRET_KEY']),
                                Config(address, 'http', 30), Quiet())

    def send(self, request, retry_unavailable=True):
        """The SDK's answer; a 503 is retried for up to a minute (the documented answer while an instance
        is down), as any client of a cloud API would; the first 503 is recorded."""
        operation = type(request).__name__.replace('Request', '')
        deadline = time.monotonic() + 60
        unavailable = False
        while True:
            try:
                resp = self.client.send(request)
            except Exception as e:  # noqa: BLE001 - a body that is not the API's envelope, a dropped connection
                ANSWERS.record(self.address, operation, failure=repr(e))
                raise
            ANSWERS.record(self.address, operation, resp)
            resp.after_unavailable = unavailable
            if resp.error is None or resp.error.code != 503 or not retry_unavailable or time.monotonic() > deadline:
                return resp
            unavailable = True
            time.sleep(0.5)

    def ok(self, request):
        resp = self.send(request)
        assert resp.error is None, '%s %s: %s %s: %s (requestId %s)' % (
            self.address, type(request).__name__, resp.error.code, resp.error.status, resp.error.message,
            resp.request_id)
        return resp.result


GW = Endpoint(GATEWAY)
COMMANDS = [Endpoint(a) for a in COMMAND_APIS]
QUERIES = [Endpoint(a) for a in QUERY_APIS]


def b64(text):
    return base64.b64encode(text.encode()).decode()


def wait_until(predicate, timeout, what, interval=0.5):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError('timed out after %s s waiting for %s' % (timeout, what))
        time.sleep(interval)


def phase(pod_id, endpoint=GW):
    resp = endpoint.send(DescribePodRequest(DescribePodParameters(REGION, pod_id)))
    if resp.error is not None and resp.error.code == 404:
        return None
    assert resp.error is None, 'describePod %s: %s %s' % (pod_id, resp.error.code, resp.error.message)
    return resp.result['pod']['podStatus']['phase']


def wait_phase(pod_id, wanted, timeout=180):
    def reached():
        now = phase(pod_id)
        assert now != 'error', 'pod %s went to phase error' % pod_id
        return now == wanted
    wait_until(reached, timeout, 'pod %s in phase %s' % (pod_id, wanted))


def settled(pod_id):
    """Waits until the pod is in a phase no task is under way in, and returns it."""
    return wait_until(lambda: (lambda p: p if p in ('running', 'stopped') else None)(phase(pod_id)), 180,
                      'pod %s running or stopped' % pod_id)


def sql(query):
    url = os.environ['POD_DB_URL'][len('jdbc:'):]
    out = subprocess.run(['psql', '-qtA', '-F', '\t', url, '-U', os.environ['POD_DB_USER'], '-c', query],
                         env=dict(os.environ, PGPASSWORD=os.environ['POD_DB_PASSWORD']),
                         check=True, capture_output=True, text=True).stdout
    return [line.split('\t') for line in out.splitlines() if line]


# One stored event of a pod. audited: a signed request caused it (its requestId and account in the event's
# metadata), so the audit trail records it; a pod's placement is excepted (part of the createPods that asked
# for it), and the nodes' reports are not recorded
Event = namedtuple('Event', 'sequence kind event_id audited')


def events_of(pod_ids):
    """Each pod's events in the event store, in order."""
    ids = ','.join("'%s'" % p for p in pod_ids)
    rows = sql("SELECT aggregate_identifier, sequence_number, payload_type, event_identifier, "
               "position('\"requestId\"' in convert_from(meta_data, 'UTF8')) > 0 "
               "AND position('\"accountId\"' in convert_from(meta_data, 'UTF8')) > 0 FROM domain_event_entry "
               "WHERE aggregate_identifier IN (%s) ORDER BY aggregate_identifier, sequence_number" % ids)
    events = defaultdict(list)
    for aggregate, sequence, payload_type, event_id, asked in rows:
        kind = payload_type.rsplit('.', 1)[-1]
        events[aggregate].append(Event(int(sequence), kind, event_id, asked == 't' and kind != 'PodScheduled'))
    return events


def replayed_phase(events):
    """The pod's phase folded from its events (None: deleted), independently of the service's own fold."""
    now = 'pending'
    for event in events:
        if event.kind in PHASE_OF:
            now = PHASE_OF[event.kind]
    return now


def pod_spec(name, secret):
    container = ContainerSpec('main', CloudDiskSpec(category='local', sizeGB=20), command=TICKER,
                              image=os.environ['POD_IMAGE'], secret=secret, tty=False)
    return PodSpec(name, 'g.n2.medium', 'cn-north-1a', [container], None, terminationGracePeriodSeconds=1)


def test_the_distributed_deployment():
    started = time.monotonic()

    def lap(what):
        print('[cluster-test] %5.1f s  %s' % (time.monotonic() - started, what), flush=True)

    # the registry secret: created through one command-api, read at once through the other query-api
    secret = 'cl-%s-registry' % RUN
    data = DockerRegistryData(b64(os.environ['POD_REGISTRY_SERVER']), b64(os.environ['POD_REGISTRY_USERNAME']),
                              b64(os.environ['POD_REGISTRY_PASSWORD']), b64('cluster@example.com'))
    COMMANDS[0].ok(CreateSecretRequest(CreateSecretParameters(REGION, secret, 'docker-registry', data)))
    QUERIES[1].ok(DescribeSecretRequest(DescribeSecretParameters(REGION, secret)))

    # 1. fifty pods created in parallel across the instances
    def create(i):
        params = CreatePodsParameters(REGION, pod_spec('cl-%s-%02d' % (RUN, i), secret), 1)
        params.setClientToken('cl-%s-%02d' % (RUN, i))
        first = COMMANDS[i % 2].ok(CreatePodsRequest(params))['podIds']
        assert len(first) == 1, first
        # read-your-writes on the instance pair that did not take the write
        seen = QUERIES[(i + 1) % 2].send(DescribePodRequest(DescribePodParameters(REGION, first[0])))
        assert seen.error is None, 'describePod of %s on the other query-api right after createPods: %s %s' % (
            first[0], seen.error.code, seen.error.message)
        again = COMMANDS[(i + 1) % 2].ok(CreatePodsRequest(params))['podIds']
        assert again == first, 'the same clientToken on the other command-api made %s, not %s' % (again, first)
        return first[0]

    with ThreadPoolExecutor(10) as pool:
        pod_ids = list(pool.map(create, range(PODS)))
    assert len(set(pod_ids)) == PODS, 'pod ids repeat: %s' % pod_ids
    lap('%d pods created, each read at once on the other query-api and replayed on the other command-api' % PODS)
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda p: wait_phase(p, 'running'), pod_ids))
    lap('all %d running' % PODS)

    # 2. races: two commands on one pod at the same moment, one to each command-api, from two processes
    # (threads would take turns on Python's lock while they sign and send)
    def race(first, second):
        context = multiprocessing.get_context('fork')
        barrier = context.Barrier(2)
        answers = context.Queue()

        def one(k, request):
            endpoint = Endpoint(COMMAND_APIS[k])
            barrier.wait()
            resp = endpoint.client.send(request)
            answers.put((k, None if resp.error is None else (resp.error.code, resp.error.status, resp.error.message),
                         resp.request_id))
        workers = [context.Process(target=one, args=(0, first)), context.Process(target=one, args=(1, second))]
        for w in workers:
            w.start()
        got = dict((k, (error, request_id)) for k, error, request_id in (answers.get(timeout=60) for _ in workers))
        for w in workers:
            w.join()
        accepted = []
        for k in (0, 1):
            error, request_id = got[k]
            assert error is None or error[0] < 500, 'a raced %s on %s answered %s %s: %s (requestId %s)' % (
                type((first, second)[k]).__name__, COMMAND_APIS[k], error[0], error[1], error[2], request_id)
            accepted.append(error is None)
        return accepted

    def counts(pod_id):
        return Counter(e.kind for e in events_of([pod_id])[pod_id])

    # the same pod changed 2 x 25 times as fast as each process can, each change on its own command-api:
    # every change answered and stored, none lost to the other instance's concurrent append
    hammered = pod_ids[0]
    before = counts(hammered)
    context = multiprocessing.get_context('fork')
    barrier = context.Barrier(2)
    results = context.Queue()

    def modify(k):
        endpoint = Endpoint(COMMAND_APIS[k])
        barrier.wait()
        failures = []
        for i in range(HAMMER):
            params = ModifyPodAttributeParameters(REGION, hammered)
            params.setDescription('changed by command-api-%d, %d' % (k + 1, i))
            resp = endpoint.client.send(ModifyPodAttributeRequest(params))
            if resp.error is not None:
                failures.append('%s %s: %s (requestId %s)' % (resp.error.code, resp.error.status, resp.error.message,
                                                              resp.request_id))
        results.put(failures)
    hammers = [context.Process(target=modify, args=(k,)) for k in (0, 1)]
    for h in hammers:
        h.start()
    failures = [f for _ in hammers for f in results.get(timeout=120)]
    for h in hammers:
        h.join()
    assert not failures, '%d of %d concurrent modifyPodAttribute failed: %s' % (len(failures), 2 * HAMMER, failures[:5])
    stored = counts(hammered)['PodAttributesModified'] - before['PodAttributesModified']
    assert stored == 2 * HAMMER, '%d concurrent modifyPodAttribute answered, %d stored' % (2 * HAMMER, stored)
    lap('%d concurrent modifyPodAttribute on one pod, half on each command-api: all answered and stored' % (2 * HAMMER))

    racing = pod_ids[:RACED]
    for pod_id in racing:
        for request, params, phase_after, event in ((StopPodRequest, StopPodParameters, 'stopped', 'PodStopping'),
                                                    (StartPodRequest, StartPodParameters, 'running', 'PodStarting')):
            before = counts(pod_id)
            accepted = race(request(params(REGION, pod_id)), request(params(REGION, pod_id)))
            assert any(accepted), 'neither of two %ss of %s was taken' % (request.__name__, pod_id)
            wait_phase(pod_id, phase_after)
            stored = counts(pod_id)[event] - before[event]
            assert stored == 1, 'two %ss at once on %s: %d %s events, not 1' % (request.__name__, pod_id, stored, event)

        before = counts(pod_id)
        accepted = race(StopPodRequest(StopPodParameters(REGION, pod_id)),
                        StartPodRequest(StartPodParameters(REGION, pod_id)))
        assert accepted[0], 'stopPod of the running %s was refused while a startPod raced it' % pod_id
        settled(pod_id)
        after = counts(pod_id)
        assert after['PodStopping'] - before['PodStopping'] == 1
        assert after['PodStarting'] - before['PodStarting'] == (1 if accepted[1] else 0), \
            'startPod answered %s but %d PodStarting events were stored' % (
                accepted[1], after['PodStarting'] - before['PodStarting'])
    lap('%d pods raced: stop+stop, start+start, stop+start on the two command-apis' % RACED)

    # 3. the lifecycle through the gateway, with one command-api and one query-api killed part-way
    stops = Counter()
    killed = threading.Event()
    kill_lock = threading.Lock()

    def kill_once():
        with kill_lock:
            if killed.is_set():
                return
            for name, pid in VICTIMS.items():
                os.kill(int(pid), signal.SIGKILL)
                lap('SIGKILL to %s (pid %s)' % (name, pid))
            killed.set()

    def command(request, pod_id, taken):
        """Sends a command through the gateway. Answered 503 (its instance died) and then refused when
        sent again, it may have been stored before the instance died: then the pod's phase shows it."""
        resp = GW.send(request)
        if resp.error is not None and resp.after_unavailable and resp.error.code < 500 and phase(pod_id) in taken:
            return
        assert resp.error is None, '%s %s: %s %s: %s (requestId %s)' % (
            type(request).__name__, pod_id, resp.error.code, resp.error.status, resp.error.message, resp.request_id)

    def lifecycle(pod_id):
        command(StopPodRequest(StopPodParameters(REGION, pod_id)), pod_id, ('stopping', 'stopped'))
        wait_phase(pod_id, 'stopped')
        with kill_lock:
            stops['done'] += 1
            due = stops['done'] >= KILL_AFTER_STOPS
        if due:
            kill_once()
        command(StartPodRequest(StartPodParameters(REGION, pod_id)), pod_id, ('starting', 'running'))
        wait_phase(pod_id, 'running')
        command(DeletePodRequest(DeletePodParameters(REGION, pod_id)), pod_id, ('deleting', None))
        wait_until(lambda: phase(pod_id) is None, 180, 'pod %s gone' % pod_id)

    lives = pod_ids[RACED:]
    with ThreadPoolExecutor(12) as pool:
        list(pool.map(lifecycle, lives))
    assert killed.is_set()
    lap('%d pods stopped, started and deleted through the gateway' % len(lives))

    # 4. the books
    assert not ANSWERS.unexpected, 'answers other than the documented 503:\n  ' + '\n  '.join(ANSWERS.unexpected)

    events = events_of(pod_ids)
    for pod_id in pod_ids:
        mine = events[pod_id]
        assert [e.sequence for e in mine] == list(range(len(mine))), \
            'the events of %s are not numbered 0..n: %s' % (pod_id, [e.sequence for e in mine])
        kinds = Counter(e.kind for e in mine)
        assert kinds['PodCreated'] == 1, '%s has %d PodCreated' % (pod_id, kinds['PodCreated'])
        replayed = replayed_phase(mine)
        shown = phase(pod_id)
        assert shown == replayed, 'describePod says %s is %s, its events say %s' % (pod_id, shown, replayed)
    for pod_id in lives:
        kinds = Counter(e.kind for e in events[pod_id])
        assert kinds['PodStopping'] >= 1 and kinds['PodStarting'] >= 1 and kinds['PodDeleted'] == 1, \
            '%s: %s' % (pod_id, dict(kinds))

    listed = GW.ok(DescribePodsRequest(DescribePodsParameters(REGION)))
    # the account's pods: exactly the raced ones still alive, as the event store says
    live = sorted(p['podId'] for p in listed['pods'])
    assert live == sorted(p for p in pod_ids if replayed_phase(events[p]) is not None), live
    assert listed['totalCount'] == RACED

    # every event a request caused once in the audit trail (which is keyed by event id), nothing else
    every = {e.event_id for p in pod_ids for e in events[p] if e.audited}

    def audited():
        return {row[0] for row in sql("SELECT event_id FROM audit_record WHERE resource_id IN (%s)"
                                      % ','.join("'%s'" % p for p in pod_ids))}
    wait_until(lambda: audited() >= every, 60, 'the audit trail to hold the pods\' %d requested events' % len(every))
    assert audited() == every, 'the audit trail holds %d events no request caused' % len(audited() - every)

    # the raced pods go too; then no container of the run is left on either node
    for pod_id in racing:
        command(DeletePodRequest(DeletePodParameters(REGION, pod_id)), pod_id, ('deleting', None))
    for pod_id in racing:
        wait_until(lambda: phase(pod_id) is None, 180, 'pod %s gone' % pod_id)

    def containers_left():
        out = subprocess.run(['docker', 'ps', '-aq', '--filter', 'label=%s=%s' % (os.environ['CLUSTER_LABEL'], RUN),
                              '--filter', 'label=pod.id'], check=True, capture_output=True, text=True).stdout.split()
        return not out
    wait_until(containers_left, 60, 'no container of the run left on the nodes')
    GW.ok(DeleteSecretRequest(DeleteSecretParameters(REGION, secret)))
    lap('books kept: %s; 503s retried: %s' % (
        ', '.join('%s %d: %d' % (op, code, n) for (op, code), n in sorted(ANSWERS.by_status.items())),
        dict(ANSWERS.unavailable) or 'none'))
