/* The C peer of the import benchmark's write task: N formatted rows with
 * libxlsxwriter in constant_memory mode, row i as every writer builds it.
 *   cc -O2 -o write_libxlsxwriter write_libxlsxwriter.c -lxlsxwriter
 *   write_libxlsxwriter OUT N POOLS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

enum { HEADER, DISTRICT, NAME, UNIT, PROGRESS, KEYS };
static const char *keys[KEYS] = {"header", "district", "name", "unit", "progress"};
static char *pool[KEYS][128];
static int pooled[KEYS];

static void load_pools(const char *path) {
    char line[4096];
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(1); }
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab++ = 0;
        tab[strcspn(tab, "\n")] = 0;
        for (int k = 0; k < KEYS; k++)
            if (!strcmp(line, keys[k]) && pooled[k] < 128) pool[k][pooled[k]++] = strdup(tab);
    }
    fclose(f);
}

/* day returns 2024-01-01 plus offset days. */
static lxw_datetime day(int offset) {
    struct tm tm = {.tm_year = 124, .tm_mon = 0, .tm_mday = 1 + offset};
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    return (lxw_datetime){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, 0, 0, 0};
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s OUT N POOLS\n", argv[0]); return 2; }
    int n = atoi(argv[2]);
    load_pools(argv[3]);
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[1], &opt);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "台账");
    lxw_format *head = workbook_add_format(wb), *money = workbook_add_format(wb), *date = workbook_add_format(wb);
    format_set_bold(head);
    format_set_font_color(head, 0xFFFFFF);
    format_set_bg_color(head, 0x1F4E78);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_text_wrap(head);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_num_format(money, "#,##0.00");
    format_set_num_format(date, "yyyy-mm-dd");
    for (int c = 0; c < pooled[HEADER]; c++) worksheet_write_string(ws, 0, c, pool[HEADER][c], head);
    char code[64];
    for (int i = 1; i <= n; i++) {
        double total = (double)(((long long)i * 7919) % 2000000) / 10 + 50;
        double plan = total * (i % 7 + 2) / 10, done = plan * (i % 10) / 10;
        snprintf(code, sizeof code, "24%02d-370%03d-04-01-%06d", i % 12 + 1, 302 + i % 11, i);
        worksheet_write_number(ws, i, 0, i, NULL);
        worksheet_write_string(ws, i, 1, code, NULL);
        worksheet_write_string(ws, i, 2, pool[NAME][i % pooled[NAME]], NULL);
        worksheet_write_string(ws, i, 3, pool[DISTRICT][i % 11], NULL);
        worksheet_write_string(ws, i, 4, pool[UNIT][i % pooled[UNIT]], NULL);
        worksheet_write_string(ws, i, 5, i % 3 == 0 ? "新开工" : "续建", NULL);
        worksheet_write_number(ws, i, 6, total, money);
        worksheet_write_number(ws, i, 7, plan, money);
        worksheet_write_number(ws, i, 8, done, money);
        lxw_datetime d = day(i % 300);
        worksheet_write_datetime(ws, i, 9, &d, date);
        if (i % 4) {
            d = day(i % 300 + i % 30);
            worksheet_write_datetime(ws, i, 10, &d, date);
        }
        worksheet_write_string(ws, i, 11, pool[PROGRESS][i % pooled[PROGRESS]], NULL);
    }
    lxw_error err = workbook_close(wb);
    if (err) { fprintf(stderr, "libxlsxwriter: %s\n", lxw_strerror(err)); return 1; }
    return 0;
}
