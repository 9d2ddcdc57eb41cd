<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>wharf::DateText</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::EfficiencyPanel</name>
    <message numerus="yes">
        <source>Measuring wasted space reads all %n layer(s) of this image — %1 to download unless the local store has them.</source>
        <translation>
            <numerusform>Measuring wasted space reads the %n layer of this image — %1 to download unless the local store has it.</numerusform>
            <numerusform>Measuring wasted space reads all %n layers of this image — %1 to download unless the local store has them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of files in the layers · %2 kept · &lt;b&gt;%3 wasted&lt;/b&gt; in %n path(s) that later layers overwrote or deleted</source>
        <translation>
            <numerusform>%1 of files in the layers · %2 kept · &lt;b&gt;%3 wasted&lt;/b&gt; in %n path that later layers overwrote or deleted</numerusform>
            <numerusform>%1 of files in the layers · %2 kept · &lt;b&gt;%3 wasted&lt;/b&gt; in %n paths that later layers overwrote or deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measuring wasted space reads all %n layer(s) of this image, whose size its manifest does not record (Docker schema 1).</source>
        <translation>
            <numerusform>Measuring wasted space reads the %n layer of this image, whose size its manifest does not record (Docker schema 1).</numerusform>
            <numerusform>Measuring wasted space reads all %n layers of this image, whose size its manifest does not record (Docker schema 1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the layers… %1 of %n layer(s) listed (%2 read)</source>
        <translation>
            <numerusform>Reading the layers… %1 of %n layer listed (%2 read)</numerusform>
            <numerusform>Reading the layers… %1 of %n layers listed (%2 read)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the layers… %1 of %n layer(s) listed (%2 of %3)</source>
        <translation>
            <numerusform>Reading the layers… %1 of %n layer listed (%2 of %3)</numerusform>
            <numerusform>Reading the layers… %1 of %n layers listed (%2 of %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::HubPaging</name>
    <message numerus="yes">
        <source>Docker Hub&apos;s tag pages went in circles; the list ends after %n tag(s)</source>
        <translation>
            <numerusform>Docker Hub&apos;s tag pages went in circles; the list ends after %n tag</numerusform>
            <numerusform>Docker Hub&apos;s tag pages went in circles; the list ends after %n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Docker Hub&apos;s result pages went in circles; the list ends after %n result(s)</source>
        <translation>
            <numerusform>Docker Hub&apos;s result pages went in circles; the list ends after %n result</numerusform>
            <numerusform>Docker Hub&apos;s result pages went in circles; the list ends after %n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::ImageEfficiencyModel</name>
    <message numerus="yes">
        <source>/%1: %2 in %n copies, all gone from the final image</source>
        <translation>
            <numerusform>/%1: %2 in %n copy, gone from the final image</numerusform>
            <numerusform>/%1: %2 in %n copies, all gone from the final image</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>/%1: %2 in %n copies that a later copy hides</source>
        <translation>
            <numerusform>/%1: %2 in %n copy that a later copy hides</numerusform>
            <numerusform>/%1: %2 in %n copies that a later copy hides</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::LayerMapJob</name>
    <message numerus="yes">
        <source>only the first %n images are mapped</source>
        <translation>
            <numerusform>only the first %n image is mapped</numerusform>
            <numerusform>only the first %n images are mapped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 +%n more</source>
        <translation>
            <numerusform>%1 +%n more</numerusform>
            <numerusform>%1 +%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::LayerMapPane</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::LayerMapScene</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used by every image (%n):</source>
        <translation>
            <numerusform>Used by every image (%n):</numerusform>
            <numerusform>Used by every image (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used by %n image(s):</source>
        <translation>
            <numerusform>Used by %n image:</numerusform>
            <numerusform>Used by %n images:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), %1 in all</source>
        <translation>
            <numerusform>%n layer, %1 in all</numerusform>
            <numerusform>%n layers, %1 in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only in this image: %1 (%n layer(s))</source>
        <translation>
            <numerusform>Only in this image: %1 (%n layer)</numerusform>
            <numerusform>Only in this image: %1 (%n layers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared with other images: %1 (%n layer(s))</source>
        <translation>
            <numerusform>Shared with other images: %1 (%n layer)</numerusform>
            <numerusform>Shared with other images: %1 (%n layers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer blob(s), %1 shared</source>
        <translation>
            <numerusform>%n layer blob, %1 shared</numerusform>
            <numerusform>%n layer blobs, %1 shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This blob also appears in %n other place(s) of the map, on top of different layers.</source>
        <translation>
            <numerusform>This blob also appears in %n other place of the map, on top of different layers.</numerusform>
            <numerusform>This blob also appears in %n other places of the map, on top of different layers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::PagedListJob</name>
    <message numerus="yes">
        <source>%1&apos;s %2 went in circles; the list ends after %n name(s)</source>
        <translation>
            <numerusform>%1&apos;s %2 went in circles; the list ends after %n name</numerusform>
            <numerusform>%1&apos;s %2 went in circles; the list ends after %n names</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 linked to more than %2 pages; the list ends after %n name(s)</source>
        <translation>
            <numerusform>%1 linked to more than %2 pages; the list ends after %n name</numerusform>
            <numerusform>%1 linked to more than %2 pages; the list ends after %n names</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::PlatformModel</name>
    <message numerus="yes">
        <source>%1 compressed, in %n layer(s)</source>
        <extracomment>%1 is a size, %n the number of layers</extracomment>
        <translation>
            <numerusform>%1 compressed, in %n layer</numerusform>
            <numerusform>%1 compressed, in %n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to fetch: pulled, this image and its %n layer(s) are in the local store</source>
        <extracomment>%n is a number of layers</extracomment>
        <translation>
            <numerusform>Nothing to fetch: pulled, this image and its %n layer are in the local store</numerusform>
            <numerusform>Nothing to fetch: pulled, this image and its %n layers are in the local store</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to fetch: %1 of %n layer(s) already here, the others downloaded when their files were listed</source>
        <extracomment>%1 and %2 are numbers of layers</extracomment>
        <translation>
            <numerusform>Nothing to fetch: %1 of %n layer already here, the others downloaded when their files were listed</numerusform>
            <numerusform>Nothing to fetch: %1 of %n layers already here, the others downloaded when their files were listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to fetch, %2 of %n layer(s) already here, %3 downloaded when their files were listed</source>
        <extracomment>%1 is a size (12.3 MB), %2, %n and %3 numbers of layers</extracomment>
        <translation>
            <numerusform>%1 to fetch, %2 of %n layer already here, %3 downloaded when their files were listed</numerusform>
            <numerusform>%1 to fetch, %2 of %n layers already here, %3 downloaded when their files were listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to fetch: the %n layer(s) are already here</source>
        <translation>
            <numerusform>Nothing to fetch: the layer is already here</numerusform>
            <numerusform>Nothing to fetch: all %n layers are already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to fetch, %2 of %n layer(s) already here, %3 kept from a stopped pull</source>
        <extracomment>%1 is a size (12.3 MB), %2 and %n numbers of layers, %3 a size: what a stopped pull already downloaded</extracomment>
        <translation>
            <numerusform>%1 to fetch, %2 of %n layer already here, %3 kept from a stopped pull</numerusform>
            <numerusform>%1 to fetch, %2 of %n layers already here, %3 kept from a stopped pull</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to fetch, %2 of %n layer(s) already here</source>
        <extracomment>%1 is a size (12.3 MB), %2 and %n numbers of layers</extracomment>
        <translation>
            <numerusform>%1 to fetch, %2 of %n layer already here</numerusform>
            <numerusform>%1 to fetch, %2 of %n layers already here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::PullMeter</name>
    <message numerus="yes">
        <source>Pulled %1: it used %n of your Docker Hub pulls (%2 left).</source>
        <translation>
            <numerusform>Pulled %1: it used %n of your Docker Hub pulls (%2 left).</numerusform>
            <numerusform>Pulled %1: it used %n of your Docker Hub pulls (%2 left).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::RateLimitIndicator</name>
    <message numerus="yes">
        <source>Docker Hub allows %Ln pull(s) every %1.</source>
        <translation>
            <numerusform>Docker Hub allows %Ln pull every %1.</numerusform>
            <numerusform>Docker Hub allows %Ln pulls every %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::RegistryErrors</name>
    <message numerus="yes">
        <source>%1 refused the signed download link for %2 because it had expired (%n link(s) from %3 tried); try again later</source>
        <translation>
            <numerusform>%1 refused the signed download link for %2 because it had expired (%n link from %3 tried); try again later</numerusform>
            <numerusform>%1 refused the signed download link for %2 because it had expired (%n links from %3 tried); try again later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 refused the signed download link for %2 (HTTP %4, %n link(s) from %3 tried); such links expire and are good on one CDN only: try again later</source>
        <translation>
            <numerusform>%1 refused the signed download link for %2 (HTTP %4, %n link from %3 tried); such links expire and are good on one CDN only: try again later</numerusform>
            <numerusform>%1 refused the signed download link for %2 (HTTP %4, %n links from %3 tried); such links expire and are good on one CDN only: try again later</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::RepositoryPane</name>
    <message numerus="yes">
        <source>★ %1 star(s)</source>
        <translation>
            <numerusform>★ %1 star</numerusform>
            <numerusform>★ %1 stars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 pull(s)</source>
        <translation>
            <numerusform>%1 pull</numerusform>
            <numerusform>%1 pulls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::SearchResultDelegate</name>
    <message numerus="yes">
        <source>★ %1 · %2 pull(s)</source>
        <translation>
            <numerusform>★ %1 · %2 pull</numerusform>
            <numerusform>★ %1 · %2 pulls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::TagLister</name>
    <message numerus="yes">
        <source>Docker Hub describes only the first %n tag(s) without signing in; sign in to Docker Hub to see the dates, sizes and platforms of the rest (%1 more), or select a tag to read them from the registry.</source>
        <translation>
            <numerusform>Docker Hub describes only the first tag without signing in; sign in to Docker Hub to see the dates, sizes and platforms of the rest (%1 more), or select a tag to read them from the registry.</numerusform>
            <numerusform>Docker Hub describes only the first %n tags without signing in; sign in to Docker Hub to see the dates, sizes and platforms of the rest (%1 more), or select a tag to read them from the registry.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Docker Hub&apos;s details were read for the first %n tag(s) only.</source>
        <translation>
            <numerusform>Docker Hub&apos;s details were read for the first tag only.</numerusform>
            <numerusform>Docker Hub&apos;s details were read for the first %n tags only.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::TagTableModel</name>
    <message numerus="yes">
        <source>%n platform(s):</source>
        <extracomment>tooltip of the Tags pane&apos;s Platforms cell; %n platforms follow, one a line</extracomment>
        <translation>
            <numerusform>%n platform:</numerusform>
            <numerusform>%n platforms:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The same image as %n tag(s):</source>
        <extracomment>tooltip of the Tags pane&apos;s &quot;Same image as&quot; cell; the %n tags follow</extracomment>
        <translation>
            <numerusform>The same image as %n tag:</numerusform>
            <numerusform>The same image as %n tags:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::cli::layers</name>
    <message numerus="yes">
        <source>%1  %2  %n entries, %3 in files</source>
        <translation>
            <numerusform>%1  %2  %n entry, %3 in files</numerusform>
            <numerusform>%1  %2  %n entries, %3 in files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::cli::pull</name>
    <message numerus="yes">
        <source>%1 (%2): %n layer(s)</source>
        <translation>
            <numerusform>%1 (%2): %n layer</numerusform>
            <numerusform>%1 (%2): %n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already present</source>
        <translation>
            <numerusform>, %n already present</numerusform>
            <numerusform>, %n already present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n resumed</source>
        <translation>
            <numerusform>, %n resumed</numerusform>
            <numerusform>, %n resumed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pulled %1 (%2) %3: fetched %4 in %5 s, %n layer(s) already present; store %6</source>
        <translation>
            <numerusform>Pulled %1 (%2) %3: fetched %4 in %5 s, %n layer already present; store %6</numerusform>
            <numerusform>Pulled %1 (%2) %3: fetched %4 in %5 s, %n layers already present; store %6</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::cli::store</name>
    <message numerus="yes">
        <source>Deleted %n blob(s) only it used (%1).</source>
        <translation>
            <numerusform>Deleted %n blob only it used (%1).</numerusform>
            <numerusform>Deleted %n blobs only it used (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Would remove %n blob(s) (%1) and partial downloads of %2; nothing was deleted.</source>
        <translation>
            <numerusform>Would remove %n blob (%1) and partial downloads of %2; nothing was deleted.</numerusform>
            <numerusform>Would remove %n blobs (%1) and partial downloads of %2; nothing was deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::cli::tags</name>
    <message numerus="yes">
        <source>(%n more tag(s) not shown; raise --limit to see them)</source>
        <translation>
            <numerusform>(%n more tag not shown; raise --limit to see it)</numerusform>
            <numerusform>(%n more tags not shown; raise --limit to see them)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::net::RetryPolicy</name>
    <message numerus="yes">
        <source>try again in %n second(s) (after %1)</source>
        <translation>
            <numerusform>try again in %n second (after %1)</numerusform>
            <numerusform>try again in %n seconds (after %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>try again in %n minute(s) (after %1)</source>
        <translation>
            <numerusform>try again in %n minute (after %1)</numerusform>
            <numerusform>try again in %n minutes (after %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>try again in %n hour(s) (after %1)</source>
        <translation>
            <numerusform>try again in %n hour (after %1)</numerusform>
            <numerusform>try again in %n hours (after %1)</numerusform>
        </translation>
    </message>
</context>
</TS>
