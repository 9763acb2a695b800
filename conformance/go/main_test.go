package conformance

// The shared part of the Go SDK stage: the run's parameters, JD Cloud's PodClient and VpcClient
// (jdcloud-sdk-go v1.67.0, unchanged) pointed at the service, envelope checks and polling.
//
// The Go SDK decodes every answer into typed models: a field of the wrong JSON type fails the
// whole call with an unmarshal error. So every call that should succeed asserts err == nil.

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jdcloud-api/jdcloud-sdk-go/core"
	podclient "github.com/jdcloud-api/jdcloud-sdk-go/services/pod/client"
	vpcclient "github.com/jdcloud-api/jdcloud-sdk-go/services/vpc/client"
)

const (
	instanceType   = "g.n2.medium" // 1 vCPU, 4096 MiB
	az             = "cn-north-1a"
	email          = "conformance@example.com"
	weird          = "a b:c/d%e+f 中文" // space, ':', '/', '%', '+' and non-ASCII
	poll           = 500 * time.Millisecond
	runningTimeout = 120 * time.Second
	phaseTimeout   = 60 * time.Second
	goneTimeout    = 90 * time.Second
)

var (
	// JD Cloud's models: "遵循ISO8601标准，使用UTC时间，格式为：YYYY-MM-DDTHH:mm:ssZ" (whole seconds)
	dateFormat = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)
	macFormat  = regexp.MustCompile(`^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$`)
	ticker     = []string{"sh", "-c", "while true; do echo tick; sleep 1; done"}
)

// env is the run's parameters, as conformance/run.sh exports them.
type env struct {
	endpoint, accessKey, secretKey, region, image  string
	registryServer, registryUsername, registryPass string
	runID, prefix                                  string
	vpcOctet                                       int
}

var run env

func TestMain(m *testing.M) {
	required := []string{"POD_ENDPOINT", "POD_ACCESS_KEY", "POD_SECRET_KEY", "POD_IMAGE", "POD_REGISTRY_SERVER",
		"POD_REGISTRY_USERNAME", "POD_REGISTRY_PASSWORD"}
	for _, name := range required {
		if os.Getenv(name) == "" {
			fmt.Fprintf(os.Stderr, "%s is not set: run the suite with conformance/run.sh, which starts the service\n", name)
			os.Exit(2)
		}
	}
	run = env{
		endpoint: os.Getenv("POD_ENDPOINT"), accessKey: os.Getenv("POD_ACCESS_KEY"),
		secretKey: os.Getenv("POD_SECRET_KEY"), region: getenv("POD_REGION", "cn-north-1"),
		image: os.Getenv("POD_IMAGE"), registryServer: os.Getenv("POD_REGISTRY_SERVER"),
		registryUsername: os.Getenv("POD_REGISTRY_USERNAME"), registryPass: os.Getenv("POD_REGISTRY_PASSWORD"),
		runID: os.Getenv("POD_RUN_ID"),
	}
	if run.runID == "" {
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		run.runID = hex.EncodeToString(b)
	}
	run.prefix = "go-" + run.runID
	run.vpcOctet = 100 + int(time.Now().UnixNano()%150)
	if octet, err := strconv.Atoi(os.Getenv("POD_VPC_OCTET_GO")); err == nil {
		run.vpcOctet = octet
	}
	os.Exit(m.Run())
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func (e env) vpcPrefix() string    { return fmt.Sprintf("10.%d.0.0/16", e.vpcOctet) }
func (e env) subnetPrefix() string { return fmt.Sprintf("10.%d.1.0/24", e.vpcOctet) }

// weirdTag is the main pod's tag value: the awkward characters, and the client and run (unique).
func weirdTag() string { return weird + " " + run.prefix }

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func ptr[T any](v T) *T { return &v }

// testLogger sends the SDK's error-level log lines (e.g. the raw answer it could not decode) to
// the test's log.
type testLogger struct{ t *testing.T }

func (l testLogger) Log(level int, message ...interface{}) {
	if level <= core.LogError {
		l.t.Helper()
		if len(message) > 0 {
			if format, isFormat := message[0].(string); isFormat {
				l.t.Logf("jdcloud-sdk-go: "+format, message[1:]...)
				return
			}
		}
		l.t.Log(append([]interface{}{"jdcloud-sdk-go:"}, message...)...)
	}
}

func config() *core.Config {
	c := core.NewConfig()
	c.SetScheme(core.SchemeHttp)
	c.SetEndpoint(run.endpoint)
	c.SetTimeout(30 * time.Second)
	return c
}

func clients(t *testing.T) (*podclient.PodClient, *vpcclient.VpcClient) {
	credential := core.NewCredentials(run.accessKey, run.secretKey)
	pods := podclient.NewPodClient(credential)
	pods.SetConfig(config())
	pods.SetLogger(testLogger{t})
	vpcs := vpcclient.NewVpcClient(credential)
	vpcs.SetConfig(config())
	vpcs.SetLogger(testLogger{t})
	return pods, vpcs
}

// envelope reads requestId and error of any of the SDK's *Response types.
func envelope(resp interface{}) (string, core.ErrorResponse) {
	v := reflect.ValueOf(resp)
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "", core.ErrorResponse{}
		}
		v = v.Elem()
	}
	return v.FieldByName("RequestID").String(), v.FieldByName("Error").Interface().(core.ErrorResponse)
}

// ok fails the test unless a call succeeded: no transport or decoding error (a mistyped field
// anywhere in the answer is one), a requestId, no error in the envelope.
func ok(t *testing.T, what string, resp interface{}, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: the Go SDK returned an error (transport, or an answer its models cannot decode): %v", what, err)
	}
	requestID, e := envelope(resp)
	if requestID == "" {
		t.Fatalf("%s: no requestId in the answer", what)
	}
	if e.Code != 0 {
		t.Fatalf("%s: error %d %s: %s", what, e.Code, e.Status, e.Message)
	}
}

// failed fails the test unless a call was answered with a decodable error envelope; returns it.
func failed(t *testing.T, what string, resp interface{}, err error) core.ErrorResponse {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: the Go SDK returned an error instead of decoding an error envelope: %v", what, err)
	}
	requestID, e := envelope(resp)
	if requestID == "" {
		t.Errorf("%s: no requestId in the answer", what)
	}
	if e.Code == 0 {
		t.Fatalf("%s: succeeded, expected an error", what)
	}
	return e
}

// expectError checks an error envelope's code and status, and that its message names words.
func expectError(t *testing.T, what string, e core.ErrorResponse, code int, status string, words ...string) {
	t.Helper()
	if e.Code != code || e.Status != status {
		t.Errorf("%s: error %d %s (%q), want %d %s", what, e.Code, e.Status, e.Message, code, status)
	}
	if e.Message == "" {
		t.Errorf("%s: error without a message", what)
	}
	for _, word := range words {
		if !strings.Contains(strings.ToLower(e.Message), strings.ToLower(word)) {
			t.Errorf("%s: message %q does not name %s", what, e.Message, word)
		}
	}
}

// waitUntil polls done every 0.5 s until it holds, failing the test after timeout.
func waitUntil(t *testing.T, what string, timeout time.Duration, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for !done() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		<-tick.C
	}
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

func date(t *testing.T, what, got string) {
	t.Helper()
	if !dateFormat.MatchString(got) {
		t.Errorf("%s = %q, want JD Cloud's format YYYY-MM-DDTHH:mm:ssZ (whole seconds)", what, got)
	}
}

func nonEmpty(t *testing.T, what, got string) {
	t.Helper()
	if got == "" {
		t.Errorf("%s is empty", what)
	}
}

func ipIn(t *testing.T, what, got, cidr string) {
	t.Helper()
	_, network, _ := net.ParseCIDR(cidr)
	ip := net.ParseIP(got)
	if ip == nil || ip.To4() == nil || !network.Contains(ip) {
		t.Errorf("%s = %q, want an IPv4 address in %s", what, got, cidr)
	}
}

func equalStrings(a, b []string) bool {
	return reflect.DeepEqual(append([]string{}, a...), append([]string{}, b...))
}
