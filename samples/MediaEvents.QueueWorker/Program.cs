using System;
using System.Linq;
using MediaEvents.QueueWorkerSample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Services.AddOptions<QueueWorkerOptions>()
    .Configure<IConfiguration>(static (options, configuration) => options.ReadFrom(configuration.GetSection(QueueWorkerOptions.SectionName)))
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<QueueWorkerOptions>, QueueWorkerOptionsValidator>();
builder.Services.AddSingleton(static provider => provider.GetRequiredService<IOptions<QueueWorkerOptions>>().Value);
builder.Services.AddHostedService<QueueWorkerService>();

using IHost host = builder.Build();
try
{
    await host.RunAsync().ConfigureAwait(false);
}
catch (OptionsValidationException exception)
{
    Console.Error.WriteLine("MediaEvents.QueueWorker cannot start:");
    foreach (string failure in exception.Failures.Distinct())
    {
        Console.Error.WriteLine("  " + failure);
    }

    return 2;
}

return 0;
