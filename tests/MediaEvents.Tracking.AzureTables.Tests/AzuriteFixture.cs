using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Data.Tables;
using Xunit;

namespace MediaEvents.Tracking.AzureTables.Tests;

/// <summary>
/// Azurite's table service on a free 127.0.0.1 port with a temporary location, for the collection's tests. Installs
/// the npm package into <c>.tools/azurite</c> of the repository when it is not there yet, and on dispose kills the
/// process tree it started, by its id, whether the tests passed or not.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The Azurite version the tests run against.</summary>
    public const string AzuriteVersion = "3.37.0";

    // Azurite's well-known development account (the same for every installation; not a secret).
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _location;

    /// <summary>The connection string of the running table service.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A new, empty table with a name of its own, so that tests do not see each other's entities.</summary>
    public async Task<TableClient> CreateTableAsync()
    {
        TableClient table = NewTableClient(NewTableName());
        await table.CreateAsync();
        return table;
    }

    /// <summary>A client of the table named <paramref name="name"/>, with a connection of its own (as another instance has).</summary>
    public TableClient NewTableClient(string name) => new(ConnectionString, name);

    /// <summary>A table name no test has used.</summary>
    public static string NewTableName() => "t" + Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        string entryPoint = await EnsureInstalledAsync();
        int port = FreePort();
        _location = Directory.CreateTempSubdirectory("azurite-").FullName;

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            entryPoint, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", _location, "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = StartOrExplain(start, "start Azurite");
        _process.OutputDataReceived += (_, line) => Record(line.Data);
        _process.ErrorDataReceived += (_, line) => Record(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        string endpoint = $"http://127.0.0.1:{port}/{Account}";
        await WaitUntilAnsweringAsync(endpoint);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};TableEndpoint={endpoint};";
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the kill.
            }

            _process.Dispose();
        }

        if (_location is not null && Directory.Exists(_location))
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the exiting process: it is in the temp folder, which is cleared anyway.
            }
        }

        return Task.CompletedTask;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    // Azurite's table entry point under .tools/azurite, installed there with npm when missing.
    private static async Task<string> EnsureInstalledAsync()
    {
        string prefix = Path.Combine(RepositoryRoot(), ".tools", "azurite");
        string entryPoint = Path.Combine(prefix, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (File.Exists(entryPoint))
        {
            return entryPoint;
        }

        var install = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "install", "--prefix", prefix, $"azurite@{AzuriteVersion}", "--no-audit", "--no-fund" })
        {
            install.ArgumentList.Add(argument);
        }

        using Process npm = StartOrExplain(install, "install Azurite");
        Task<string> output = npm.StandardOutput.ReadToEndAsync();
        Task<string> error = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_installTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'npm install azurite@{AzuriteVersion}' did not finish in {s_installTimeout.TotalMinutes} minutes.");
        }

        if (npm.ExitCode != 0 || !File.Exists(entryPoint))
        {
            throw new InvalidOperationException(
                $"'npm install --prefix {prefix} azurite@{AzuriteVersion}' failed (exit code {npm.ExitCode}):\n{await output}\n{await error}");
        }

        return entryPoint;
    }

    private static Process StartOrExplain(ProcessStartInfo start, string purpose)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"'{start.FileName}' did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"These tests run Azurite (the Azure Storage emulator, an npm package) and need Node.js 20 or later with npm on PATH " +
                $"to {purpose}; '{start.FileName}' could not be run: {exception.Message}",
                exception);
        }
    }

    private async Task WaitUntilAnsweringAsync(string endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Stopwatch waited = Stopwatch.StartNew();
        while (waited.Elapsed < s_startTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                // Any HTTP answer (an unauthenticated request gets 403) means the service listens.
                using HttpResponseMessage response = await http.GetAsync(endpoint + "/Tables");
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(250);
            }
        }

        throw new InvalidOperationException($"Azurite did not answer on {endpoint} within {s_startTimeout.TotalSeconds} seconds:\n{Output()}");
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MediaEvents.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MediaEvents.Generators.sln above {AppContext.BaseDirectory}: the tests install Azurite into the repository's .tools folder.");
    }
}
