package api

// OpenAPIDoc is the served description, for the tests of package api_test.
var OpenAPIDoc = servedOpenAPI

// OpenAPIFile is openapi.json as embedded; WithRegistryFields fills in the
// registry's fields it lacks.
var (
	OpenAPIFile        = openAPIDoc
	WithRegistryFields = withRegistryFields
)
