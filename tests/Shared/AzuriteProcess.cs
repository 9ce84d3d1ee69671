using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.Testing;

/// <summary>
/// Azurite, the Azure Storage emulator, with its blob, queue and table services on free 127.0.0.1 ports, its data
/// in memory. Installs the npm package into <c>.tools/azurite</c> of the repository when it is not there
/// yet; <see cref="DisposeAsync"/> kills the process tree it started, by its id, and deletes the location.
/// </summary>
/// <remarks>
/// Compiled into each test project that needs Azurite (and the benchmarks), as a linked file: an xunit fixture wraps
/// it where tests share one instance.
/// </remarks>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The Azurite version the tests run against.</summary>
    public const string AzuriteVersion = "3.37.0";

    /// <summary>Azurite's well-known development account (the same for every installation).</summary>
    public const string Account = "devstoreaccount1";

    // The development account's well-known key: published with the emulator, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _output = new();
    private readonly Process _process;
    private readonly string _location;

    private AzuriteProcess(Process process, string location, string connectionString)
    {
        _process = process;
        _location = location;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the running services (blob, queue and table endpoints).</summary>
    public string ConnectionString { get; }

    /// <summary>The id of the Azurite process, for a test that checks it is gone.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Installs Azurite if needed, starts it and waits until its queue and table services answer.</summary>
    /// <exception cref="InvalidOperationException">Node.js or npm is missing, the install failed, or Azurite did not start.</exception>
    public static async Task<AzuriteProcess> StartAsync()
    {
        string entryPoint = await EnsureInstalledAsync().ConfigureAwait(false);
        int[] ports = FreePorts(3);
        (int blobPort, int queuePort, int tablePort) = (ports[0], ports[1], ports[2]);
        string location = Directory.CreateTempSubdirectory("azurite-").FullName;

        // Kept in memory (faster, and nothing to clean up), started in a folder of its own all the same.
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = location,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            entryPoint,
            "--blobHost", "127.0.0.1", "--blobPort", Text(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Text(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Text(tablePort),
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = StartOrExplain(start, "start Azurite");
        string connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";
        var azurite = new AzuriteProcess(process, location, connectionString);
        process.OutputDataReceived += (_, line) => azurite.Record(line.Data);
        process.ErrorDataReceived += (_, line) => azurite.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await azurite.WaitUntilAnsweringAsync($"http://127.0.0.1:{queuePort}/{Account}?comp=list").ConfigureAwait(false);
            await azurite.WaitUntilAnsweringAsync($"http://127.0.0.1:{tablePort}/{Account}/Tables").ConfigureAwait(false);
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return azurite;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
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
        if (Directory.Exists(_location))
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

        return ValueTask.CompletedTask;
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

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

    // Azurite's entry point (all three services) under .tools/azurite, installed there with npm when missing.
    private static async Task<string> EnsureInstalledAsync()
    {
        string prefix = Path.Combine(RepositoryRoot(), ".tools", "azurite");
        string entryPoint = Path.Combine(prefix, "node_modules", "azurite", "dist", "src", "azurite.js");
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
            await npm.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'npm install azurite@{AzuriteVersion}' did not finish in {s_installTimeout.TotalMinutes} minutes.");
        }

        if (npm.ExitCode != 0 || !File.Exists(entryPoint))
        {
            throw new InvalidOperationException(
                $"'npm install --prefix {prefix} azurite@{AzuriteVersion}' failed (exit code {npm.ExitCode}):\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
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
                $"Azurite (the Azure Storage emulator, an npm package) needs Node.js 20 or later with npm on PATH " +
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
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                // Any HTTP answer (an unauthenticated request gets 403) means the service listens.
                using HttpResponseMessage response = await http.GetAsync(endpoint).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(250).ConfigureAwait(false);
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

    // Distinct ports: every listener holds its port until all are taken, then all are released for Azurite.
    private static int[] FreePorts(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            var ports = new int[count];
            for (int i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
                ports[i] = ((IPEndPoint)listeners[i].LocalEndpoint).Port;
            }

            return ports;
        }
        finally
        {
            foreach (TcpListener? listener in listeners)
            {
                listener?.Dispose();
            }
        }
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

        throw new InvalidOperationException($"No MediaEvents.Generators.sln above {AppContext.BaseDirectory}: Azurite is installed into the repository's .tools folder.");
    }
}
