package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"tracker/models"
	"tracker/models/demo"
	"tracker/models/store"
)

func cmdDemo(ctx context.Context, env envConfig, args []string, stdout io.Writer) error {
	fs := newFlags("demo", stdout)
	dsn := dbFlag(fs, env)
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, err := store.Open(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	created, err := s.SeedPortfolio(ctx, demo.Portfolio2024(), "演示数据")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "演示项目库已载入：新增 %d 个项目（共 %d 个；已有的项目保持不变）\n", created, demo.Projects)
	return nil
}

func cmdUser(ctx context.Context, env envConfig, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New("用法：tracker user add --name N --role admin|uploader|reviewer [--district D] --password-stdin")
	}
	fs := newFlags("user add", stdout)
	dsn := dbFlag(fs, env)
	name := fs.String("name", "", "用户名")
	role := fs.String("role", "", "角色：admin、uploader 或 reviewer")
	district := fs.String("district", "", "填报员所属区县（uploader 必填），例如 张店区")
	fromStdin := fs.Bool("password-stdin", false, "从标准输入读取密码（第一行）")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if !*fromStdin {
		return errors.New("请用 --password-stdin 从标准输入提供密码，避免密码出现在命令行历史中")
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return err
	}
	s, err := store.Open(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	u := models.User{Name: strings.TrimSpace(*name), Role: *role, District: *district}
	if _, err := s.CreateUser(ctx, u, strings.TrimRight(line, "\r\n")); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已创建用户 %s（%s）\n", u.Name, u.Role)
	return nil
}

func cmdBackup(ctx context.Context, env envConfig, args []string, stdout io.Writer) error {
	fs := newFlags("backup", stdout)
	dsn := dbFlag(fs, env)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("用法：tracker backup [--db DSN] FILE")
	}
	s, err := store.Open(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已备份到 %s\n", fs.Arg(0))
	return nil
}

// extraCommands handles the commands that need the importer and reports.
func extraCommands(ctx context.Context, env envConfig, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	switch args[0] {
	case "import":
		return cmdImport(ctx, env, args[1:], stdout, stderr)
	case "report":
		return cmdReport(ctx, env, args[1:], stdout, stderr)
	case "inspect":
		return cmdInspect(args[1:], stdout, stderr)
	}
	return fmt.Errorf("未知命令“%s”，运行 tracker help 查看用法", args[0])
}
