package main

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"context"

	"tracker/models"
)

// envConfig reads settings from the environment; flags override them.
type envConfig struct {
	lookup func(string) string
}

func (e envConfig) get(name, def string) string {
	if v := e.lookup(name); v != "" {
		return v
	}
	return def
}

func (e envConfig) float(name string, def float64) (float64, error) {
	raw := e.lookup(name)
	if raw == "" {
		return def, nil
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return 0, fmt.Errorf("环境变量 %s 应为数字，收到“%s”", name, raw)
	}
	return v, nil
}

// rateConfig reads the light thresholds and the start-rate denominator.
func (e envConfig) rateConfig() (models.RateConfig, error) {
	cfg := models.DefaultRateConfig()
	var err error
	if cfg.InvestmentYellowPP, err = e.float("TRACKER_LIGHT_YELLOW_PP", cfg.InvestmentYellowPP); err != nil {
		return cfg, err
	}
	if cfg.InvestmentRedPP, err = e.float("TRACKER_LIGHT_RED_PP", cfg.InvestmentRedPP); err != nil {
		return cfg, err
	}
	months, err := e.float("TRACKER_START_RED_MONTHS", float64(cfg.StartRedMonths))
	if err != nil {
		return cfg, err
	}
	cfg.StartRedMonths = int(months)
	cfg.StartDenominator = e.get("TRACKER_START_DENOMINATOR", cfg.StartDenominator)
	if cfg.StartDenominator != "to_date" && cfg.StartDenominator != "full_year" {
		return cfg, fmt.Errorf("TRACKER_START_DENOMINATOR 应为 to_date 或 full_year，收到“%s”", cfg.StartDenominator)
	}
	cfg.LightBasis = e.get("TRACKER_LIGHT_BASIS", cfg.LightBasis)
	if cfg.LightBasis != models.BasisFromStart && cfg.LightBasis != models.BasisCalendar {
		return cfg, fmt.Errorf("TRACKER_LIGHT_BASIS 应为 from_start 或 calendar，收到“%s”", cfg.LightBasis)
	}
	return cfg, nil
}

func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}
