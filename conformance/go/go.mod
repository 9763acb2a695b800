module podservice/conformance

go 1.26

require github.com/jdcloud-api/jdcloud-sdk-go v1.67.0

require github.com/gofrs/uuid v4.4.0+incompatible // indirect
