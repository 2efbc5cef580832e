package importer

import "tracker/models"

// Field is a bitset of Record fields (models.Field): Record.Has holds the
// fields a ledger actually stated, so that a blank cell never wipes stored
// data.
type Field = models.Field

// The fields a ledger can state, as models defines them.
const (
	FieldName              = models.FieldName
	FieldDistrict          = models.FieldDistrict
	FieldUnit              = models.FieldUnit
	FieldNature            = models.FieldNature
	FieldCategory          = models.FieldCategory
	FieldLevel             = models.FieldLevel
	FieldTotalInvestment   = models.FieldTotalInvestment
	FieldAnnualPlan        = models.FieldAnnualPlan
	FieldCompletedYTD      = models.FieldCompletedYTD
	FieldPlannedStart      = models.FieldPlannedStart
	FieldActualStart       = models.FieldActualStart
	FieldProgress          = models.FieldProgress
	FieldProblems          = models.FieldProblems
	FieldPlannedCompletion = models.FieldPlannedCompletion
)

// fieldCode is a pseudo field used only for column mapping: the code column.
const fieldCode = models.FieldCode
