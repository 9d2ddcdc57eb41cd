// The layer map at 30 images × 30 layers (issue 5): how long LayerGraph takes to build the trie and
// lay it out (the target is under 200 ms), how long LayerMapView takes to build its scene, and how
// long the first paint of the fitted view and of the whole map at 100 % take (offscreen). Synthetic
// images shaped like a real repository's (SyntheticLayerImages). Prints medians, min and max; an
// executable, not a test.
//
//   cmake --build <build> -t bench_layermap && <build>/tests/bench/bench_layermap [rounds] [--png FILE]
#include "LayerMapScene.h"
#include "LayerMapView.h"
#include "layers/LayerGraph.h"

#include "SyntheticLayerImages.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace wharf;
using namespace wharf::testbed;

namespace {

struct Figures
{
    double median = 0;
    double min = 0;
    double max = 0;
};

Figures measure(int rounds, const std::function<void()> &run)
{
    QList<double> ms;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        run();
        ms.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    return {median, ms.constFirst(), ms.constLast()};
}

void print(const char *what, const Figures &f)
{
    std::printf("  %-44s median %8.3f ms   min %8.3f   max %8.3f\n", what, f.median, f.min, f.max);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int rounds = 21;
    QString png;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--png") && i + 1 < args.size())
            png = args.at(++i);
        else
            rounds = std::max(1, args.at(i).toInt());
    }

    bool pass = true;
    for (const auto &[images, layers] : {std::pair(30, 30), std::pair(100, 30)}) {
        const QList<LayerGraph::Image> input = syntheticLayerImages(images, layers);
        std::printf("%d images × %d layers (%d rounds)\n", images, layers, rounds);
        LayerGraph graph;
        const Figures build = measure(rounds, [&] { graph = LayerGraph::build(input); });
        print("LayerGraph::build (trie + stats + layout)", build);
        const Figures relayout = measure(rounds, [&] { graph.layout(graph.layoutOptions()); });
        print("LayerGraph::layout alone", relayout);
        std::printf("  %lld nodes, depth %d, %d blobs (%d shared)\n", qlonglong(graph.nodes().size()),
                    graph.maxDepth() + 1, graph.blobCount(), graph.sharedBlobCount());

        LayerMapView view;
        view.resize(1280, 800);
        view.show();
        const Figures scene = measure(rounds, [&] { view.setGraph(graph, QStringLiteral("synthetic")); });
        print("LayerMapView::setGraph (scene items)", scene);
        QImage viewport(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        const Figures firstPaint = measure(rounds, [&] {
            view.setGraph(graph, QStringLiteral("synthetic"));
            QPainter painter(&viewport);
            view.render(&painter);
        });
        print("setGraph + first paint, fitted 1280×800", firstPaint);
        view.setZoom(1.0);
        const Figures zoomedPaint = measure(rounds, [&] {
            QPainter painter(&viewport);
            view.render(&painter);
        });
        print("repaint at 100 % (labels drawn)", zoomedPaint);
        QImage whole;
        const Figures full = measure(std::max(3, rounds / 4), [&] { whole = view.renderImage(1.0); });
        std::printf("  whole map at 100 %%: %d × %d px\n", whole.width(), whole.height());
        print("renderImage(1.0), the PNG export's drawing", full);
        if (images == 30) {
            pass = build.median < 200.0;
            std::printf("  target: build + layout < 200 ms: %s\n", pass ? "PASS" : "FAIL");
            if (!png.isEmpty()) {
                view.setGraph(graph, QStringLiteral("synthetic: 30 images × 30 layers"));
                std::printf("  wrote %s: %s\n", qPrintable(png), view.exportPng(png) ? "ok" : "FAILED");
            }
        }
    }
    return pass ? 0 : 1;
}
