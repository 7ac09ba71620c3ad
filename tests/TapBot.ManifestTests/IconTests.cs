using System.Buffers.Binary;
using System.IO.Compression;

namespace TapBot.ManifestTests;

/// <summary>Teams' icon rules: color 192×192; outline 32×32, white on transparent only.</summary>
public sealed class IconTests
{
    private static readonly string Manifest = Path.Combine(FindRoot(), "manifest");

    [Fact]
    public void ColorIcon_Is192Square()
    {
        var png = Png.Read(Path.Combine(Manifest, "color.png"));

        Assert.Equal((192, 192), (png.Width, png.Height));
    }

    [Fact]
    public void OutlineIcon_Is32Square_WhiteOnTransparent()
    {
        var png = Png.Read(Path.Combine(Manifest, "outline.png"));

        Assert.Equal((32, 32), (png.Width, png.Height));
        var visible = png.Pixels().Where(p => p.A > 0).ToList();
        Assert.NotEmpty(visible);
        Assert.All(visible, p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(png.Pixels(), p => p.A == 0);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TapBot.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    /// <summary>Just enough PNG to check icons: 8-bit RGBA, non-interlaced, all five filter types.</summary>
    private sealed record Png(int Width, int Height, byte[] Rgba)
    {
        public static Png Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), "not a PNG");
            int width = 0, height = 0;
            var idat = new MemoryStream();
            for (var at = 8; at < bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
                var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                var data = bytes.AsSpan(at + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);  // bit depth
                    Assert.Equal(6, data[9]);  // RGBA: an icon that can be transparent
                    Assert.Equal(0, data[12]); // not interlaced
                }
                else if (type == "IDAT")
                {
                    idat.Write(data);
                }

                at += 12 + length;
            }

            idat.Position = 0;
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            var raw = new MemoryStream();
            z.CopyTo(raw);
            return new Png(width, height, Unfilter(raw.ToArray(), width, height));
        }

        public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
        {
            for (var i = 0; i < Rgba.Length; i += 4) yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }

        private static byte[] Unfilter(byte[] raw, int width, int height)
        {
            const int bpp = 4;
            var stride = width * bpp;
            var output = new byte[stride * height];
            for (var y = 0; y < height; y++)
            {
                var filter = raw[y * (stride + 1)];
                for (var x = 0; x < stride; x++)
                {
                    var value = raw[y * (stride + 1) + 1 + x];
                    var a = x >= bpp ? output[y * stride + x - bpp] : 0;
                    var b = y > 0 ? output[(y - 1) * stride + x] : 0;
                    var c = x >= bpp && y > 0 ? output[(y - 1) * stride + x - bpp] : 0;
                    output[y * stride + x] = (byte)(value + filter switch
                    {
                        0 => 0,
                        1 => a,
                        2 => b,
                        3 => (a + b) / 2,
                        4 => Paeth(a, b, c),
                        _ => throw new InvalidDataException($"PNG filter {filter}"),
                    });
                }
            }

            return output;
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
