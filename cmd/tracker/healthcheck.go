package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

var healthcheckCommand = &command{
	name:     "healthcheck",
	synopsis: "healthcheck [--url URL]",
	summary:  "检查运行中的服务（/healthz），正常时退出码为 0",
	help:     "请求运行中服务的 /healthz，5 秒内返回 200 时输出 ok、退出码为 0（容器的健康检查使用）。不指定 --url 时检查 TRACKER_ADDR 上的服务。",
	run:      cmdHealthcheck,
}

var versionCommand = &command{
	name:     "version",
	synopsis: "version",
	summary:  "显示版本",
	help:     "显示版本号（构建时写入）。",
	run: func(_ context.Context, inv *invocation, args []string) error {
		if _, err := inv.parseArgs(inv.flags(), args, noArgs); err != nil {
			return err
		}
		fmt.Fprintln(inv.stdout, "tracker", version)
		return nil
	},
}

// cmdHealthcheck asks a running server's /healthz and fails unless it
// answers 200 within 5 seconds. Container health checks use it: the slim
// image has no curl. Without --url it asks the server this environment
// would start (TRACKER_ADDR), on loopback when that listens on all
// addresses.
func cmdHealthcheck(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	url := fs.String("url", healthURL(inv.env.get("TRACKER_ADDR", defaultAddr)), "要检查的地址 `URL`")
	if _, err := inv.parseArgs(fs, args, noArgs); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return fmt.Errorf("健康检查地址无效：%w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("健康检查失败：%w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("健康检查失败：%s 返回 %d", *url, resp.StatusCode)
	}
	fmt.Fprintln(inv.stdout, "ok")
	return nil
}

// healthURL is the /healthz address of a server listening on addr.
func healthURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/healthz"
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz"
}
