package reports

// Fixtures for the external test package (readback_test.go), which may
// import tracker/importer where package reports may not.
var (
	FixtureInput   = testInput      // the 13-project test portfolio as of month m, quarter q
	SyntheticInput = syntheticInput // n synthetic projects as of month m, quarter q
)
