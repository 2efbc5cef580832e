package api

// OpenAPIDoc is the embedded description, for the tests of package api_test.
var OpenAPIDoc = openAPIDoc
