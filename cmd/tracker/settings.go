package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"tracker/httpx"
	"tracker/models"
	httpserver "tracker/server"
)

const defaultAddr = "127.0.0.1:8080"

// setting is one setting of tracker serve: its flag (empty when it is read
// from the environment only, as passwords are), its environment variable,
// its default and what it does. The README's configuration table and
// serve --help list the same settings; a test checks.
type setting struct {
	flag, env, def, usage string
}

// serveSettings lists every setting of tracker serve in the order of
// serve --help.
func serveSettings() []setting {
	r := models.DefaultRateConfig()
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	return []setting{
		{"addr", "TRACKER_ADDR", defaultAddr, "监听地址"},
		{"db", "TRACKER_DB", "data/tracker.db", "数据库：SQLite 文件路径，或 postgres:// 连接串"},
		{"demo", "TRACKER_DEMO", "0", "数据库中没有项目时载入 2023、2024 年演示项目库（环境变量为 1 时开启）"},
		{"max-upload-mb", "TRACKER_MAX_UPLOAD_MB", "32", "上传文件大小上限（MB），超过返回 413"},
		{"light-yellow-pp", "TRACKER_LIGHT_YELLOW_PP", num(r.InvestmentYellowPP), "投资亮灯：完成率低于序时进度达到此百分点为黄灯"},
		{"light-red-pp", "TRACKER_LIGHT_RED_PP", num(r.InvestmentRedPP), "投资亮灯：完成率低于序时进度超过此百分点为红灯"},
		{"start-red-months", "TRACKER_START_RED_MONTHS", strconv.Itoa(r.StartRedMonths), "开工亮灯：逾期未开工达到此月数为红灯"},
		{"start-denominator", "TRACKER_START_DENOMINATOR", r.StartDenominator, "开工率分母：to_date（截至当月计划开工）或 full_year（全年计划开工）"},
		{"light-basis", "TRACKER_LIGHT_BASIS", r.LightBasis, "投资亮灯的序时进度：from_start（新开工项目自开工月起算）或 calendar（一律按月份÷12）"},
		{"review", "TRACKER_REVIEW", "on", "区县上传的台账和手工修改须经市重大项目办审核通过后才计入数据：on（默认）或 off（提交后立即计入）"},
		{"deadline-day", "TRACKER_DEADLINE_DAY", strconv.Itoa(models.DefaultDeadlineDay), "月度台账报送截止日：次月的第几日（1–28），逾期未报送的单位列为逾期"},
		{"log-level", "TRACKER_LOG_LEVEL", "info", "日志级别：debug、info、warn 或 error"},
		{"metrics-addr", "TRACKER_METRICS_ADDR", "", "另开一个监听地址只提供 /metrics（空：不另开）"},
		{"metrics-token", "TRACKER_METRICS_TOKEN", "", "/metrics 要求的 Bearer 令牌（空：主地址上的 /metrics 只回答本机访问）"},
		{"shutdown-timeout", "TRACKER_SHUTDOWN_TIMEOUT", "20s", "停止时等待进行中请求完成的最长时间"},
		{"trusted-proxies", "TRACKER_TRUSTED_PROXIES", "", "信任的反向代理地址或网段，逗号分隔；只有来自它们的 X-Forwarded-For 才被当作客户端地址（空：不信任任何代理）"},
		{"allowed-hosts", "TRACKER_ALLOWED_HOSTS", "", "只回答这些主机名（Host 头，可带端口），逗号分隔，防 DNS 重绑定（空：不检查）"},
		{"max-conns-per-client", "TRACKER_MAX_CONNS_PER_CLIENT", "100", "每个客户端地址同时保持的连接数上限（0：不限；受信任的代理不受限）"},
		{"login-max-failures", "TRACKER_LOGIN_MAX_FAILURES", "5", "同一地址对同一用户名输错密码达到此次数后，每次再试须等待（30 秒起逐次加倍，最长 15 分钟）"},
		{"login-max-failures-per-address", "TRACKER_LOGIN_MAX_FAILURES_PER_ADDRESS", "30", "同一地址 15 分钟内输错密码达到此次数后暂停登录（不论用户名）"},
		{"", "TRACKER_ADMIN_PASSWORD", "", "没有任何用户时，以此密码创建管理员 admin（仅环境变量）"},
	}
}

// serveConfig is tracker serve's configuration after flags and environment.
type serveConfig struct {
	addr, dsn, metricsAddr, metricsToken string
	demo                                 bool
	trustedProxies, allowedHosts         []string
	maxConnsPerClient                    int
	logins                               httpx.LoginLimits
	maxUploadBytes                       int64
	rates                                models.RateConfig
	collection                           models.Collection
	logLevel                             slog.Level
	shutdownTimeout                      time.Duration
}

// parseServe reads the settings: a flag when given, else its environment
// variable, else its default. --help prints the settings and returns
// errHelpShown.
func parseServe(inv *invocation, args []string) (serveConfig, error) {
	fs := inv.flags()
	raw := map[string]*string{}
	var demo bool
	for _, s := range serveSettings() {
		switch {
		case s.flag == "demo":
			fs.BoolVar(&demo, "demo", inv.env.get(s.env, "") == "1", s.usage)
		case s.flag != "":
			raw[s.flag] = fs.String(s.flag, inv.env.get(s.env, s.def), s.usage)
		}
	}
	if _, err := inv.parseArgs(fs, args, noArgs); err != nil {
		return serveConfig{}, err
	}
	cfg := serveConfig{addr: *raw["addr"], dsn: *raw["db"], demo: demo,
		metricsAddr: *raw["metrics-addr"], metricsToken: *raw["metrics-token"]}
	return cfg, cfg.convert(raw)
}

// convert parses the settings that are not plain strings.
func (cfg *serveConfig) convert(raw map[string]*string) error {
	var p settingParser
	mb := p.float("max-upload-mb", *raw["max-upload-mb"])
	cfg.maxUploadBytes = int64(mb * (1 << 20))
	cfg.rates = models.RateConfig{
		InvestmentYellowPP: p.float("light-yellow-pp", *raw["light-yellow-pp"]),
		InvestmentRedPP:    p.float("light-red-pp", *raw["light-red-pp"]),
		StartRedMonths:     int(p.float("start-red-months", *raw["start-red-months"])),
		StartDenominator:   *raw["start-denominator"],
		LightBasis:         *raw["light-basis"],
	}
	cfg.collection.DeadlineDay = p.count("deadline-day", *raw["deadline-day"], 1)
	switch strings.TrimSpace(*raw["review"]) {
	case "on":
	case "off":
		cfg.collection.NoReview = true
	default:
		if p.err == nil {
			p.err = fmt.Errorf("--review（TRACKER_REVIEW）应为 on 或 off，收到“%s”", *raw["review"])
		}
	}
	cfg.shutdownTimeout = p.duration("shutdown-timeout", *raw["shutdown-timeout"])
	cfg.trustedProxies, cfg.allowedHosts = splitList(*raw["trusted-proxies"]), splitList(*raw["allowed-hosts"])
	cfg.maxConnsPerClient = p.count("max-conns-per-client", *raw["max-conns-per-client"], 0)
	cfg.logins.PerAccount = p.count("login-max-failures", *raw["login-max-failures"], 1)
	cfg.logins.PerAddress = p.count("login-max-failures-per-address", *raw["login-max-failures-per-address"], 1)
	for _, e := range cfg.trustedProxies {
		if _, err := httpserver.ParseProxies([]string{e}); err != nil && p.err == nil {
			p.err = fmt.Errorf("--trusted-proxies（TRACKER_TRUSTED_PROXIES）应为 IP 地址或网段（如 10.0.0.1、10.0.0.0/8），以逗号分隔，收到“%s”", e)
		}
	}
	if err := cfg.logLevel.UnmarshalText([]byte(*raw["log-level"])); err != nil && p.err == nil {
		p.err = fmt.Errorf("日志级别应为 debug、info、warn 或 error，收到“%s”", *raw["log-level"])
	}
	if p.err != nil {
		return p.err
	}
	return cfg.check()
}

func (cfg *serveConfig) check() error {
	switch {
	case cfg.maxUploadBytes <= 0:
		return errors.New("上传文件大小上限应大于 0")
	case cfg.rates.StartDenominator != "to_date" && cfg.rates.StartDenominator != "full_year":
		return fmt.Errorf("开工率分母应为 to_date 或 full_year，收到“%s”", cfg.rates.StartDenominator)
	case cfg.rates.LightBasis != models.BasisFromStart && cfg.rates.LightBasis != models.BasisCalendar:
		return fmt.Errorf("投资亮灯的序时进度应为 from_start 或 calendar，收到“%s”", cfg.rates.LightBasis)
	case cfg.rates.InvestmentYellowPP < 0 || cfg.rates.InvestmentRedPP < cfg.rates.InvestmentYellowPP:
		return errors.New("亮灯阈值应满足 0 ≤ 黄灯 ≤ 红灯")
	case cfg.rates.StartRedMonths < 1:
		return errors.New("开工红灯月数应至少为 1")
	case cfg.collection.DeadlineDay > 28:
		return fmt.Errorf("报送截止日应为 1 到 28 之间的整数，收到 %d", cfg.collection.DeadlineDay)
	case cfg.shutdownTimeout <= 0:
		return errors.New("停止等待时间应大于 0")
	}
	return nil
}

// settingParser keeps the first conversion error, naming the setting.
type settingParser struct{ err error }

func (p *settingParser) float(name, raw string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("--%s（%s）应为数字，收到“%s”", name, envOf(name), raw)
	}
	return v
}

// count reads a whole number of at least lo.
func (p *settingParser) count(name, raw string, lo int) int {
	v, err := strconv.Atoi(strings.TrimSpace(raw))
	if (err != nil || v < lo) && p.err == nil {
		p.err = fmt.Errorf("--%s（%s）应为不小于 %d 的整数，收到“%s”", name, envOf(name), lo, raw)
	}
	return v
}

// splitList reads a list separated by commas or spaces.
func splitList(raw string) []string {
	list := strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ' ' || r == '，' })
	if len(list) == 0 {
		return nil
	}
	return list
}

func (p *settingParser) duration(name, raw string) time.Duration {
	v, err := time.ParseDuration(strings.TrimSpace(raw))
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("--%s（%s）应为时长，如 20s，收到“%s”", name, envOf(name), raw)
	}
	return v
}

func envOf(flagName string) string {
	for _, s := range serveSettings() {
		if s.flag == flagName {
			return s.env
		}
	}
	return ""
}

// printServeSettings prints the options part of serve --help: every
// setting with its flag, environment variable and default, in Chinese.
func printServeSettings(w io.Writer) {
	fmt.Fprint(w, "\n各列依次为：选项、环境变量、默认值、说明（- 表示只能用环境变量）。\n\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, s := range serveSettings() {
		f, def := "-", s.def
		if s.flag != "" {
			f = "--" + s.flag
		}
		if def == "" {
			def = `""`
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", f, s.env, def, s.usage)
	}
	tw.Flush()
	fmt.Fprint(w, "\n登录令牌和网页会话最长有效 12 小时，闲置 2 小时未使用即失效（固定，不可设置）。\n")
	fmt.Fprint(w, "/metrics 的保护方式见 README 的“部署”一节。\n")
}
