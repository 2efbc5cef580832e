package importer

import "tracker/models"

// Field is a bitset of Record fields (models.Field): Record.Has holds the
// fields a ledger actually stated, so that a blank cell never wipes stored
// data.
type Field = models.Field

// The fields the importer's own rules name, as models defines them (a
// field no rule of the importer names needs none here).
const (
	FieldName            = models.FieldName
	FieldDistrict        = models.FieldDistrict
	FieldUnit            = models.FieldUnit
	FieldNature          = models.FieldNature
	FieldCategory        = models.FieldCategory
	FieldLevel           = models.FieldLevel
	FieldTotalInvestment = models.FieldTotalInvestment
	FieldAnnualPlan      = models.FieldAnnualPlan
	FieldCompletedYTD    = models.FieldCompletedYTD
	FieldPlannedStart    = models.FieldPlannedStart
	FieldActualStart     = models.FieldActualStart
)

// fieldCode is a pseudo field used only for column mapping: the code column.
const fieldCode = models.FieldCode
