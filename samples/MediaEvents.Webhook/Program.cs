using System;
using System.Linq;
using MediaEvents.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

WebApplication app;
try
{
    app = WebhookApp.Build(args);
}
catch (OptionsValidationException exception)
{
    Console.Error.WriteLine("MediaEvents.Webhook cannot start:");
    foreach (string failure in exception.Failures.Distinct())
    {
        Console.Error.WriteLine("  " + failure);
    }

    return 2;
}

try
{
    await app.RunAsync().ConfigureAwait(false);
}
catch (StateStoreUnavailableException exception)
{
    Console.Error.WriteLine("MediaEvents.Webhook cannot start:");
    Console.Error.WriteLine("  " + exception.Message);
    return 2;
}

return 0;
