package importer

// xlsSources reads an old binary .xls workbook.
func xlsSources(data []byte, l Limits) ([]*sheetSource, error) {
	return nil, unsupportedXlsx("暂不支持旧版.xls文件")
}
