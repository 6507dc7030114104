using BenchmarkDotNet.Attributes;
using Shipper.Modules.Auditd.Rules;

namespace Shipper.Benchmarks.Rules;

/// <summary>
/// Reading and compiling a 500-rule file (every list, watches, syscalls, comparisons, keys) into audit_rule_data
/// bytes. The file is also written to <see cref="CorpusPath"/> so <c>auditctl -R</c> can be timed on the same rules.
/// </summary>
[MemoryDiagnoser]
public class RuleCompileBenchmarks
{
    public const string CorpusPath = "/tmp/shipper-bench-500.rules";

    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _text = string.Join('\n', Corpus(500)) + "\n";
        File.WriteAllText(CorpusPath, _text);
        // The kernel refuses a watch whose folder does not exist (ENOENT), so auditctl -R needs it.
        Directory.CreateDirectory("/tmp/shipper-bench");
    }

    [Benchmark]
    public int ParseAndCompile500Rules()
    {
        var bytes = 0;
        foreach (var line in RuleTextParser.Parse(_text, CorpusPath))
        {
            bytes += line.Rule!.ToBytes().Length;
        }

        return bytes;
    }

    /// <summary>Distinct rules (auditctl -R stops at a duplicate), in the mix a real rule file has.</summary>
    public static IEnumerable<string> Corpus(int count)
    {
        string[] syscalls = ["open,openat,creat", "execve,execveat", "connect,bind,accept", "unlink,unlinkat,rename,renameat", "chmod,fchmod,fchmodat", "setuid,setgid", "mount,umount2", "ptrace"];
        for (var i = 0; i < count; i++)
        {
            yield return (i % 10) switch
            {
                0 => $"-w /tmp/shipper-bench/file{i} -p wa -k watch{i}",
                1 => $"-a always,exit -F arch=b32 -S {syscalls[i % syscalls.Length]} -F auid>={1000 + i} -F auid!=unset -k b32_{i}",
                2 => $"-a always,exit -F arch=b64 -S {syscalls[i % syscalls.Length]} -F exit=-EACCES -F uid={i} -k access{i}",
                3 => $"-a always,exit -F arch=b64 -S execve -C uid!=euid -F euid={i} -k privesc{i}",
                4 => $"-a never,exclude -F msgtype=CWD -F pid={i + 1}",
                5 => $"-a always,user -F msgtype>=USER_AUTH -F uid={i}",
                6 => $"-a always,exit -F path=/tmp/shipper-bench/p{i} -F perm=rwa -F auid={i} -k path{i}",
                7 => $"-A always,exit -F arch=b64 -S kill -F a1={i} -F success=1 -k kill{i}",
                8 => $"-a always,task -F gid={i}",
                _ => $"-a always,exit -F arch=b64 -S {syscalls[i % syscalls.Length]} -F sessionid={i} -F key=a{i} -k b{i}",
            };
        }
    }
}
