/**
 * An exposition shaped like node_exporter's (plus an app's histogram): labelled CPU
 * counters, filesystem gauges, a summary, a histogram, an info metric, escaped label
 * values, a target `job` label that clashes with guardia's, and one bare untyped line.
 */
export const NODE_EXPORTER_EXPOSITION = String.raw`# HELP go_gc_duration_seconds A summary of the pause duration of garbage collection cycles.
# TYPE go_gc_duration_seconds summary
go_gc_duration_seconds{quantile="0"} 2.1e-05
go_gc_duration_seconds{quantile="0.25"} 3.4e-05
go_gc_duration_seconds{quantile="0.5"} 4.6e-05
go_gc_duration_seconds{quantile="0.75"} 6.2e-05
go_gc_duration_seconds{quantile="1"} 0.000331
go_gc_duration_seconds_sum 0.012874
go_gc_duration_seconds_count 211
# HELP go_info Information about the Go environment.
# TYPE go_info gauge
go_info{version="go1.22.5"} 1
# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
# TYPE node_cpu_seconds_total counter
node_cpu_seconds_total{cpu="0",mode="idle"} 224558.67
node_cpu_seconds_total{cpu="0",mode="iowait"} 412.09
node_cpu_seconds_total{cpu="0",mode="system"} 3512.55
node_cpu_seconds_total{cpu="0",mode="user"} 10219.3
node_cpu_seconds_total{cpu="1",mode="idle"} 223991.05
node_cpu_seconds_total{cpu="1",mode="iowait"} 388.12
node_cpu_seconds_total{cpu="1",mode="system"} 3577.9
node_cpu_seconds_total{cpu="1",mode="user"} 10533.81
# HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.
# TYPE node_filesystem_avail_bytes gauge
node_filesystem_avail_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 2.4717484032e+10
node_filesystem_avail_bytes{device="/dev/vdb1",fstype="xfs",mountpoint="/var/lib/postgresql"} 8.1604378624e+10
node_filesystem_avail_bytes{device="//nas/share",fstype="cifs",mountpoint="/mnt/team \"shared\" C:\\backup"} 1.073741824e+09
# HELP node_filesystem_size_bytes Filesystem size in bytes.
# TYPE node_filesystem_size_bytes gauge
node_filesystem_size_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 5.2576092160e+10
node_filesystem_size_bytes{device="/dev/vdb1",fstype="xfs",mountpoint="/var/lib/postgresql"} 1.0724835328e+11
node_filesystem_size_bytes{device="//nas/share",fstype="cifs",mountpoint="/mnt/team \"shared\" C:\\backup"} 4.294967296e+09
# HELP node_load1 1m load average.
# TYPE node_load1 gauge
node_load1 0.42
# HELP node_memory_MemAvailable_bytes Memory information field MemAvailable_bytes.
# TYPE node_memory_MemAvailable_bytes gauge
node_memory_MemAvailable_bytes 1.2884901888e+10
# HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise.
# TYPE node_textfile_scrape_error gauge
node_textfile_scrape_error{job="nightly-backup"} 0
# HELP http_request_duration_seconds Latency of HTTP requests.\nBuckets in seconds.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{handler="/api/items",le="0.005"} 12
http_request_duration_seconds_bucket{handler="/api/items",le="0.05"} 140
http_request_duration_seconds_bucket{handler="/api/items",le="0.5"} 151
http_request_duration_seconds_bucket{handler="/api/items",le="+Inf"} 152
http_request_duration_seconds_sum{handler="/api/items"} 3.81
http_request_duration_seconds_count{handler="/api/items"} 152
# HELP promhttp_metric_handler_requests_total Total number of scrapes by HTTP status code.
# TYPE promhttp_metric_handler_requests_total counter
promhttp_metric_handler_requests_total{code="200"} 1843 1712345678901
promhttp_metric_handler_requests_total{code="500"} 0 1712345678901
legacy_queue_depth 3
`;

/** How many samples `NODE_EXPORTER_EXPOSITION` has. */
export const NODE_EXPORTER_SAMPLES = 34;
