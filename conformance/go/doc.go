// Package conformance holds the Go SDK stage of the conformance suite: JD Cloud's Go SDK
// (github.com/jdcloud-api/jdcloud-sdk-go), unchanged, against the service. The tests are in the
// *_test.go files; conformance/run.sh starts the service and exports what they need.
package conformance
