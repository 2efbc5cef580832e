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

var demoCommand = &command{
	name:     "demo",
	synopsis: "demo [--db DSN]",
	summary:  "载入 2023、2024 年演示项目库（可重复执行；数据库不存在时创建）",
	help:     "载入演示项目库：2023 年清单 536 个项目、2024 年清单 530 个项目（含年内清单调整）及其各月数据。已有的项目保持不变，重复执行不改变任何数据。数据库不存在时创建。",
	run:      cmdDemo,
}

func cmdDemo(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	dsn := inv.dbFlag(fs)
	if _, err := inv.parseArgs(fs, args, noArgs); err != nil {
		return err
	}
	s, err := store.Open(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	created, err := s.SeedDemo(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "演示项目库已载入：2023年清单 %d 个项目、2024年清单 %d 个项目，新增 %d 个项目（已有的项目保持不变）\n", demo.Projects2023, demo.Projects, created)
	return nil
}

var initCommand = &command{
	name:     "init",
	synopsis: "init [--db DSN]",
	summary:  "创建空数据库，或把已有数据库升级到最新结构",
	help:     "创建一个空的 tracker 数据库（只有默认的区县、类别和级别），或把已有数据库的结构升级到最新版本；已有数据不变。其他命令（serve、demo 除外）不会自动创建数据库。",
	run:      cmdInit,
}

func cmdInit(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	dsn := inv.dbFlag(fs)
	if _, err := inv.parseArgs(fs, args, noArgs); err != nil {
		return err
	}
	s, err := store.Open(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "数据库 %s 已就绪（结构版本 %d）\n", store.DescribeDSN(*dsn), v)
	return nil
}

var userAddCommand = &command{
	name:     "user add",
	synopsis: "user add [--db DSN] --name N --role admin|uploader|reviewer [--district D] --password-stdin",
	summary:  "添加用户（密码从标准输入读取）",
	help:     "添加一个用户。填报员（uploader）属于一个填报单位，用 --district 指定。密码从标准输入的第一行读取，不出现在命令行历史中。",
	run:      cmdUser,
}

func cmdUser(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	dsn := inv.dbFlag(fs)
	name := fs.String("name", "", "用户名 `N`")
	role := fs.String("role", "", "角色 `admin|uploader|reviewer`（管理员、填报员、审核员）")
	district := fs.String("district", "", "填报员所属单位 `D`（uploader 必填），例如 张店区")
	fromStdin := fs.Bool("password-stdin", false, "从标准输入读取密码（第一行）")
	if _, err := inv.parseArgs(fs, args, noArgs); err != nil {
		return err
	}
	if !*fromStdin {
		return errors.New("请用 --password-stdin 从标准输入提供密码，避免密码出现在命令行历史中")
	}
	s, err := store.OpenExisting(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	line, err := bufio.NewReader(inv.stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return err
	}
	u := models.User{Name: strings.TrimSpace(*name), Role: *role, District: *district}
	if _, err := s.CreateUser(ctx, u, strings.TrimRight(line, "\r\n")); err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "已创建用户 %s（%s）\n", u.Name, u.Role)
	return nil
}

var backupCommand = &command{
	name:     "backup",
	synopsis: "backup [--db DSN] FILE",
	summary:  "备份 SQLite 数据库到 FILE（运行中也可执行）",
	help:     "把运行中的 SQLite 数据库一致地复制到 FILE（VACUUM INTO）；FILE 不能已存在。PostgreSQL 请用 pg_dump -Fc。",
	run:      cmdBackup,
}

func cmdBackup(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	dsn := inv.dbFlag(fs)
	pos, err := inv.parseArgs(fs, args, arity{1, 1, "FILE"})
	if err != nil {
		return err
	}
	s, err := store.OpenExisting(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "已备份到 %s\n", pos[0])
	return nil
}
