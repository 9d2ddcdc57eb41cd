<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>wharf::AboutDialog</name>
    <message>
        <source>the window, networking, settings</source>
        <translation>창, 네트워크, 설정</translation>
    </message>
    <message>
        <source>logins in the system keychain</source>
        <translation>시스템 키체인의 로그인</translation>
    </message>
    <message>
        <source>reading layers, writing archives</source>
        <translation>Layer 읽기, 아카이브 쓰기</translation>
    </message>
    <message>
        <source>SHA-256 digests</source>
        <translation>SHA-256 Digest</translation>
    </message>
    <message>
        <source>About Wharf</source>
        <translation>Wharf 정보</translation>
    </message>
    <message>
        <source>Wharf %1</source>
        <translation>Wharf %1</translation>
    </message>
    <message>
        <source>Browse, inspect and pull container images without a daemon.</source>
        <translation>데몬 없이 컨테이너 Image를 찾아보고, 살펴보고, 가져옵니다.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Qt %1로 빌드했고 Qt %2에서 실행 중입니다.</translation>
    </message>
    <message>
        <source>Wharf’s own license has not been chosen yet: its source carries no license file.</source>
        <translation>Wharf 자체의 라이선스는 아직 정해지지 않았습니다. 소스에 라이선스 파일이 없습니다.</translation>
    </message>
    <message>
        <source>Built on</source>
        <translation>사용한 구성 요소</translation>
    </message>
</context>
<context>
    <name>wharf::BlobArrivals</name>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>wharf::BlobJob</name>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>the blob has no valid digest</source>
        <translation>blob에 올바른 Digest가 없습니다</translation>
    </message>
    <message>
        <source>blob %1 is %2 bytes, more than the %3 Wharf reads into memory</source>
        <translation>blob %1의 크기가 %2바이트로, Wharf가 메모리로 읽는 한도인 %3바이트를 넘습니다</translation>
    </message>
    <message>
        <source>blob %1</source>
        <translation>blob %1</translation>
    </message>
    <message>
        <source>the registry did not resume the download at byte %1</source>
        <translation>레지스트리가 %1바이트 지점부터 다운로드를 이어 주지 않았습니다</translation>
    </message>
    <message>
        <source>blob from %1/%2</source>
        <translation>%1/%2의 blob</translation>
    </message>
</context>
<context>
    <name>wharf::BrowseSession</name>
    <message>
        <source>%1 is not in the local store, and the registry was asked for it</source>
        <translation>%1은(는) 로컬 저장소에 없어 레지스트리에 요청했습니다</translation>
    </message>
    <message>
        <source>There is no local store to open %1 from.</source>
        <translation>%1을(를) 열 로컬 저장소가 없습니다.</translation>
    </message>
</context>
<context>
    <name>wharf::ComparePane</name>
    <message>
        <source>&amp;Compare</source>
        <translation>비교(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;with</source>
        <translation>비교 대상(&amp;W)</translation>
    </message>
    <message>
        <source>Reading the layers… %1 of %2 listed (%3 of %4)</source>
        <translation>Layer를 읽는 중… %2개 중 %1개 완료 (%4 중 %3)</translation>
    </message>
    <message>
        <source>Compare &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>비교 기준: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Compare &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>비교 기준: &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>Pick another tag or platform and press Compare to see the layers and files that differ.</source>
        <translation>다른 태그나 플랫폼을 고르고 비교를 누르면 달라진 Layer와 파일을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Pick an image, then another tag or platform to compare it with.</source>
        <translation>Image를 고른 다음, 비교할 다른 태그나 플랫폼을 고르세요.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>%1 조회 중…</translation>
    </message>
    <message>
        <source>The other image could not be looked up</source>
        <translation>비교할 Image를 조회할 수 없습니다</translation>
    </message>
    <message>
        <source>Pick an image first.</source>
        <translation>먼저 Image를 고르세요.</translation>
    </message>
    <message>
        <source>Pick a tag or platform other than the one in view.</source>
        <translation>지금 보고 있는 것과 다른 태그나 플랫폼을 고르세요.</translation>
    </message>
    <message>
        <source>Compare the layers and files of the two images</source>
        <translation>두 Image의 Layer와 파일을 비교합니다</translation>
    </message>
    <message>
        <source>Reading the layers…</source>
        <translation>Layer를 읽는 중…</translation>
    </message>
    <message>
        <source>The layers could not be read</source>
        <translation>Layer를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>The layers could not be read.</source>
        <translation>Layer를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layers:&lt;/b&gt; %1 in common (the first %2 shared as a base), %3 only in %4, %5 only in %6.</source>
        <translation>&lt;b&gt;Layer:&lt;/b&gt; 공통 %1개(처음 %2개는 베이스로 공유), %4에만 %3개, %6에만 %5개.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Files:&lt;/b&gt; %1 added (%2), %3 removed (%4), %5 changed (%6); %7 → %8 (%9).</source>
        <translation>&lt;b&gt;파일:&lt;/b&gt; 추가 %1개(%2), 제거 %3개(%4), 변경 %5개(%6). %7 → %8 (%9).</translation>
    </message>
    <message>
        <source>&lt;i&gt;Some layers could not be read to the end: %1&lt;/i&gt;</source>
        <translation>&lt;i&gt;일부 Layer를 끝까지 읽지 못했습니다: %1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Reading the layers… %1 of %2 listed (%3 read)</source>
        <translation>Layer를 읽는 중… %2개 중 %1개 완료 (%3 읽음)</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <extracomment>%1: &quot;Compare &lt;b&gt;latest&lt;/b&gt; (linux/arm64)&quot;, %2: where the image is, Docker or Podman</extracomment>
        <translation>%2의 %1</translation>
    </message>
</context>
<context>
    <name>wharf::ConfigModel</name>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>wharf::CredentialHelper</name>
    <message>
        <source>the request to %1 was cancelled</source>
        <translation>%1에 보낸 요청이 취소되었습니다</translation>
    </message>
    <message>
        <source>the credential helper %1 gave an answer Wharf cannot read</source>
        <translation>자격 증명 도우미(%1)의 응답을 Wharf가 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>“%1” is not a valid credential helper name</source>
        <translation>“%1”은(는) 올바른 자격 증명 도우미 이름이 아닙니다</translation>
    </message>
    <message>
        <source>the credential helper %1 is not installed (not found on PATH); install it or remove it from the Docker configuration</source>
        <translation>자격 증명 도우미(%1)가 설치되어 있지 않습니다(PATH에 없음). 설치하거나 Docker 설정에서 제거하세요</translation>
    </message>
    <message>
        <source>the credential helper %1 printed more than %2 bytes</source>
        <translation>자격 증명 도우미(%1)의 출력이 %2바이트를 넘습니다</translation>
    </message>
    <message>
        <source>could not start the credential helper %1 (%2)</source>
        <translation>자격 증명 도우미(%1)를 시작할 수 없습니다(%2)</translation>
    </message>
    <message>
        <source>the credential helper %1 crashed</source>
        <translation>자격 증명 도우미(%1)가 비정상 종료되었습니다</translation>
    </message>
    <message>
        <source>the credential helper %1 did not answer within %2 seconds</source>
        <translation>자격 증명 도우미(%1)가 %2초 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>the credential helper %1 failed to %2 credentials (exit code %3)</source>
        <extracomment>%1 is a program name, %2 the action (get, store, erase), %3 its exit code</extracomment>
        <translation>자격 증명 도우미(%1)의 %2 작업이 실패했습니다(종료 코드 %3)</translation>
    </message>
</context>
<context>
    <name>wharf::DateText</name>
    <message>
        <source>just now</source>
        <translation>방금</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n분 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n시간 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n일 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n개월 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n년 전</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::Desktop</name>
    <message>
        <source>Export Image</source>
        <translation>Image 내보내기</translation>
    </message>
    <message>
        <source>Extract %1 Into</source>
        <translation>%1 추출 위치</translation>
    </message>
    <message>
        <source>Docker archive (*.docker.tar *.tar)</source>
        <translation>Docker 아카이브 (*.docker.tar *.tar)</translation>
    </message>
    <message>
        <source>OCI archive (*.oci.tar *.tar)</source>
        <translation>OCI 아카이브 (*.oci.tar *.tar)</translation>
    </message>
</context>
<context>
    <name>wharf::Digest</name>
    <message>
        <source>“%1” is not a valid digest</source>
        <translation>“%1”은(는) 올바른 Digest가 아닙니다</translation>
    </message>
    <message>
        <source>unsupported digest algorithm “%1”</source>
        <translation>지원하지 않는 Digest 알고리즘 “%1”</translation>
    </message>
    <message>
        <source>“%1” is not a valid %2 digest</source>
        <translation>“%1”은(는) 올바른 %2 Digest가 아닙니다</translation>
    </message>
    <message>
        <source>there is no valid digest to verify the content against</source>
        <translation>내용을 검증할 올바른 Digest가 없습니다</translation>
    </message>
    <message>
        <source>expected %1 bytes for %2 but received %3</source>
        <translation>%2의 크기는 %1바이트여야 하는데 %3바이트를 받았습니다</translation>
    </message>
    <message>
        <source>content does not match its digest: expected %1, got %2</source>
        <translation>내용이 Digest와 일치하지 않습니다: 예상 %1, 실제 %2</translation>
    </message>
</context>
<context>
    <name>wharf::DockTitleBar</name>
    <message>
        <source>Detach or attach again</source>
        <translation>창 분리 또는 다시 붙이기</translation>
    </message>
    <message>
        <source>Hide (the View menu brings it back)</source>
        <translation>숨기기(보기 메뉴에서 다시 표시)</translation>
    </message>
</context>
<context>
    <name>wharf::DockerConfig</name>
    <message>
        <source>the Docker configuration %1 is not a regular file</source>
        <translation>Docker 설정 파일(%1)이 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>could not read the Docker configuration %1 (%2)</source>
        <translation>Docker 설정 파일(%1)을 읽을 수 없습니다(%2)</translation>
    </message>
    <message>
        <source>the Docker configuration %1 is larger than %2 bytes; Wharf does not read it</source>
        <translation>Docker 설정 파일(%1)이 %2바이트보다 커서 Wharf가 읽지 않습니다</translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <translation>%1(오프셋 %2)</translation>
    </message>
    <message>
        <source>the top level is not an object</source>
        <translation>최상위 값이 객체가 아닙니다</translation>
    </message>
    <message>
        <source>&quot;auths&quot; is not an object</source>
        <translation>&quot;auths&quot; 값이 객체가 아닙니다</translation>
    </message>
    <message>
        <source>&quot;credHelpers&quot; is not an object</source>
        <translation>&quot;credHelpers&quot; 값이 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the credential helper for %1 is not a string</source>
        <translation>%1의 자격 증명 도우미 값이 문자열이 아닙니다</translation>
    </message>
    <message>
        <source>&quot;credsStore&quot; is not a string</source>
        <translation>&quot;credsStore&quot; 값이 문자열이 아닙니다</translation>
    </message>
    <message>
        <source>the Docker configuration %1 is not valid (%2); fix it so that Wharf does not sign in with the wrong credentials</source>
        <extracomment>%1 is the config file, %2 says what is wrong with it</extracomment>
        <translation>Docker 설정 파일(%1)이 올바르지 않습니다(%2). Wharf가 잘못된 자격 증명으로 로그인하지 않도록 파일을 고치세요</translation>
    </message>
    <message>
        <source>the &quot;auth&quot; value for %1 is not base64</source>
        <translation>%1의 &quot;auth&quot; 값이 base64가 아닙니다</translation>
    </message>
    <message>
        <source>the &quot;auth&quot; value for %1 is not &quot;user:password&quot;</source>
        <translation>%1의 &quot;auth&quot; 값이 &quot;user:password&quot; 형식이 아닙니다</translation>
    </message>
    <message>
        <source>the entry for %1 is not an object</source>
        <translation>%1 항목이 객체가 아닙니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; for %2 is not a string</source>
        <translation>%2의 &quot;%1&quot; 값이 문자열이 아닙니다</translation>
    </message>
</context>
<context>
    <name>wharf::Documents</name>
    <message>
        <source>“%1” is not a valid media type in “%2”</source>
        <translation>“%2”의 “%1”은(는) 올바른 미디어 타입이 아닙니다</translation>
    </message>
    <message>
        <source>“%1” is not a valid URL</source>
        <translation>“%1” 값이 올바른 URL이 아닙니다</translation>
    </message>
    <message>
        <source>“%1” is not valid base64</source>
        <translation>“%1” 값이 올바른 base64가 아닙니다</translation>
    </message>
    <message>
        <source>the document is %1 bytes, more than the %2 bytes Wharf accepts</source>
        <translation>문서 크기가 %1바이트로, Wharf가 받는 최대 크기인 %2바이트를 넘습니다</translation>
    </message>
    <message>
        <source>the document is not valid JSON (%1 at byte %2)</source>
        <translation>문서가 올바른 JSON이 아닙니다(%2바이트 위치: %1)</translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation>문서가 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the document names the field “%1” twice</source>
        <translation>문서에 “%1” 필드가 두 번 있습니다</translation>
    </message>
    <message>
        <source>the document was served as “%1” but has a “%2” field, which belongs to a different kind of document</source>
        <translation>문서가 “%1” 타입으로 제공되었지만 다른 종류의 문서에 속하는 “%2” 필드가 있습니다</translation>
    </message>
    <message>
        <source>the field “%1” must be spelled “%2”</source>
        <translation>“%1” 필드 이름은 “%2” 형태로 써야 합니다</translation>
    </message>
    <message>
        <source>the document has both “manifests” and “config”/“layers”, so it could be read as an index or as a manifest</source>
        <translation>문서에 “manifests”와 “config”/“layers”가 모두 있어 인덱스로도 manifest로도 읽을 수 있습니다</translation>
    </message>
    <message>
        <source>the document declares no media type and does not look like a manifest or an index</source>
        <translation>문서에 미디어 타입이 없고 manifest나 인덱스로도 보이지 않습니다</translation>
    </message>
    <message>
        <source>“mediaType” is not a valid media type</source>
        <translation>“mediaType” 값이 올바른 미디어 타입이 아닙니다</translation>
    </message>
    <message>
        <source>“%1” is not a manifest or index type Wharf can read</source>
        <translation>“%1”은(는) Wharf가 읽을 수 있는 manifest 또는 인덱스 타입이 아닙니다</translation>
    </message>
    <message>
        <source>the document says it is “%1” but was served as “%2”</source>
        <translation>문서에는 “%1” 타입으로 적혀 있지만 “%2” 타입으로 제공되었습니다</translation>
    </message>
    <message>
        <source>the descriptor has no digest to verify the document against</source>
        <translation>descriptor에 문서를 검증할 Digest가 없습니다</translation>
    </message>
    <message>
        <source>OCI image layout version “%1” is not supported (only 1.0.0 is)</source>
        <translation>OCI Image 레이아웃 버전 “%1”은(는) 지원하지 않습니다(1.0.0만 지원)</translation>
    </message>
    <message>
        <source>“%1” is not a NAME=value pair</source>
        <translation>“%1” 값이 NAME=value 형식이 아닙니다</translation>
    </message>
    <message>
        <source>“%1” must be an object</source>
        <translation>“%1” 값은 객체여야 합니다</translation>
    </message>
    <message>
        <source>“rootfs.type” must be “layers”, not “%1”</source>
        <translation>“rootfs.type” 값은 “layers”여야 합니다(현재 “%1”)</translation>
    </message>
    <message>
        <source>the index says it is “%1” but was expected to be “%2”</source>
        <translation>인덱스에는 “%1” 타입으로 적혀 있지만 “%2” 타입이어야 합니다</translation>
    </message>
    <message>
        <source>“artifactType” is not a valid media type</source>
        <translation>“artifactType” 값이 올바른 미디어 타입이 아닙니다</translation>
    </message>
    <message>
        <source>the manifest says it is “%1” but was expected to be “%2”</source>
        <translation>manifest에는 “%1” 타입으로 적혀 있지만 “%2” 타입이어야 합니다</translation>
    </message>
    <message>
        <source>the image manifest lists no layers</source>
        <translation>Image manifest에 Layer가 없습니다</translation>
    </message>
    <message>
        <source>the required field “%1” is missing</source>
        <translation>필수 필드가 없습니다: “%1”</translation>
    </message>
    <message>
        <source>“%1” must be a string</source>
        <translation>“%1” 값은 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>“%1” must be a list of strings</source>
        <translation>“%1” 값은 문자열 목록이어야 합니다</translation>
    </message>
    <message>
        <source>“%1” must be an object of strings</source>
        <translation>“%1” 값은 문자열로 된 객체여야 합니다</translation>
    </message>
    <message>
        <source>“%1” in “%2” must be a string</source>
        <translation>“%2”의 “%1” 값은 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>“%1” in “%2” must be an object</source>
        <translation>“%2”의 “%1” 값은 객체여야 합니다</translation>
    </message>
    <message>
        <source>“%1” must be true or false</source>
        <translation>“%1” 값은 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>“%1” must be a whole number of bytes, zero or more</source>
        <translation>“%1” 값은 0 이상의 정수(바이트 수)여야 합니다</translation>
    </message>
    <message>
        <source>“%1” must be a list</source>
        <translation>“%1” 값은 목록이어야 합니다</translation>
    </message>
    <message>
        <source>“schemaVersion” must be 2</source>
        <translation>“schemaVersion” 값은 2여야 합니다</translation>
    </message>
    <message>
        <source>the signed part of the manifest</source>
        <translation>manifest의 서명된 부분</translation>
    </message>
    <message>
        <source>the signed part of the manifest has signatures of its own</source>
        <translation>manifest의 서명된 부분에 또 서명이 들어 있습니다</translation>
    </message>
    <message>
        <source>“%1” is not base64url</source>
        <translation>“%1” 값은 base64url이 아닙니다</translation>
    </message>
    <message>
        <source>“%1” is not an image ID of 64 lowercase hex digits</source>
        <translation>“%1” 값은 소문자 16진수 64자리로 된 Image ID가 아닙니다</translation>
    </message>
    <message>
        <source>the base layer’s step names a parent image, but nothing is below it</source>
        <translation>베이스 Layer 단계에 부모 Image가 적혀 있지만 그 아래에는 아무것도 없습니다</translation>
    </message>
    <message>
        <source>the image ID %1 appears more than once in “history”</source>
        <translation>“history”에 Image ID %1이(가) 두 번 이상 나옵니다</translation>
    </message>
    <message>
        <source>the image %1 names %2 as its parent, but the step below it is %3</source>
        <translation>Image %1에는 부모가 %2(으)로 적혀 있지만 바로 아래 단계는 %3입니다</translation>
    </message>
    <message>
        <source>“schemaVersion” must be 1</source>
        <translation>“schemaVersion” 값은 1이어야 합니다</translation>
    </message>
    <message>
        <source>the manifest lists %1 layers in “fsLayers” but %2 steps in “history”, which must pair up</source>
        <translation>manifest의 “fsLayers”에는 Layer가 %1개, “history”에는 단계가 %2개 있지만 둘은 하나씩 짝이 맞아야 합니다</translation>
    </message>
    <message>
        <source>“signatures” lists no signature</source>
        <translation>“signatures”에 서명이 하나도 없습니다</translation>
    </message>
    <message>
        <source>the manifest’s signatures do not agree on what they sign</source>
        <translation>manifest의 서명들이 서명한 내용에 대해 서로 맞지 않습니다</translation>
    </message>
    <message>
        <source>the signature covers %1 bytes, but the manifest has only %2</source>
        <translation>서명은 %1바이트를 대상으로 하지만 manifest는 %2바이트뿐입니다</translation>
    </message>
</context>
<context>
    <name>wharf::EfficiencyPanel</name>
    <message>
        <source>&amp;Analyse Layers</source>
        <translation>Layer 분석(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>Measuring wasted space reads all %n layer(s) of this image — %1 to download unless the local store has them.</source>
        <translation>
            <numerusform>낭비 공간을 측정하려면 이 Image의 Layer %n개를 모두 읽습니다. 로컬 저장소에 없으면 다운로드할 크기는 %1입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick an image to see how much of it is wasted space.</source>
        <translation>Image를 고르면 낭비 공간이 얼마나 되는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Reading the layers…</source>
        <translation>Layer를 읽는 중…</translation>
    </message>
    <message>
        <source>The layers could not be read</source>
        <translation>Layer를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>The layers could not be read.</source>
        <translation>Layer를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Efficiency: the share of the layers&apos; file bytes the final image still shows</source>
        <translation>효율: Layer에 담긴 파일 바이트 중 최종 Image에 남아 보이는 비율</translation>
    </message>
    <message numerus="yes">
        <source>%1 of files in the layers · %2 kept · &lt;b&gt;%3 wasted&lt;/b&gt; in %n path(s) that later layers overwrote or deleted</source>
        <translation>
            <numerusform>Layer의 파일 합계 %1 · 유지 %2 · 뒤 Layer가 덮어쓰거나 삭제한 경로 %n개에서 &lt;b&gt;낭비 %3&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Some layers could not be read to the end; the figures cover what was read: %1</source>
        <translation>일부 Layer를 끝까지 읽지 못해 읽은 부분만 집계했습니다: %1</translation>
    </message>
    <message>
        <source>Nothing is wasted: every file the layers hold is in the final image.</source>
        <translation>낭비가 없습니다. Layer에 담긴 모든 파일이 최종 Image에 있습니다.</translation>
    </message>
    <message>
        <source>Worst offenders:</source>
        <translation>낭비가 가장 큰 항목:</translation>
    </message>
    <message numerus="yes">
        <source>Measuring wasted space reads all %n layer(s) of this image, whose size its manifest does not record (Docker schema 1).</source>
        <translation>
            <numerusform>낭비 공간을 측정하려면 이 Image의 Layer %n개를 모두 읽습니다. 이 Image의 manifest에는 Layer 크기가 기록되어 있지 않습니다(Docker schema 1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the layers… %1 of %n layer(s) listed (%2 read)</source>
        <translation>
            <numerusform>Layer를 읽는 중… Layer %n개 중 %1개 완료 (%2 읽음)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the layers… %1 of %n layer(s) listed (%2 of %3)</source>
        <translation>
            <numerusform>Layer를 읽는 중… Layer %n개 중 %1개 완료 (%3 중 %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::ElidedLabel</name>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>wharf::EngineApi</name>
    <message>
        <source>%1 has no %2 (%3)</source>
        <extracomment>%1 Docker or Podman, %2 what was asked (an image name), %3 the engine&apos;s message</extracomment>
        <translation>%1에 %2이(가) 없습니다 (%3)</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1이(가) 거부했습니다: %2</translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <extracomment>%1 Docker or Podman, %2 an HTTP status code, %3 the engine&apos;s message</extracomment>
        <translation>%1이(가) %2(으)로 응답했습니다: %3</translation>
    </message>
    <message>
        <source>%1 answered %2 with something that is not JSON</source>
        <translation>%1이(가) %2에 JSON이 아닌 응답을 보냈습니다</translation>
    </message>
    <message>
        <source>%1&apos;s image list is not a list</source>
        <translation>%1의 Image 목록이 목록 형식이 아닙니다</translation>
    </message>
    <message>
        <source>%1 described %2 without an ID</source>
        <translation>%1이(가) %2을(를) ID 없이 설명했습니다</translation>
    </message>
    <message>
        <source>%1 refused the image: %2</source>
        <extracomment>%1 Docker or Podman, %2 the engine&apos;s words</extracomment>
        <translation>%1이(가) Image를 거부했습니다: %2</translation>
    </message>
    <message>
        <source>the podman program does not say how it stores images</source>
        <translation>podman 프로그램은 Image를 저장하는 방식을 알려 주지 않습니다</translation>
    </message>
</context>
<context>
    <name>wharf::EngineClient</name>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>permission denied on %1&apos;s socket %2: add your user to the group “%3” (then log in again)</source>
        <extracomment>%1 Docker or Podman, %2 the socket and where it was found, %3 the group owning it</extracomment>
        <translation>%1 소켓 %2에 대한 권한이 없습니다: 사용자를 “%3” 그룹에 추가한 뒤 다시 로그인하세요</translation>
    </message>
    <message>
        <source>permission denied on %1&apos;s socket %2: only its owner (%3) may use it; run a rootless %1 or ask for access</source>
        <translation>%1 소켓 %2에 대한 권한이 없습니다: 소유자(%3)만 쓸 수 있습니다. rootless %1을(를) 실행하거나 접근 권한을 요청하세요</translation>
    </message>
    <message>
        <source>no %1 engine: %2 does not exist; is %1 installed and running?</source>
        <extracomment>%1 Docker or Podman, %2 the socket and where it was found</extracomment>
        <translation>%1 엔진이 없습니다: %2이(가) 존재하지 않습니다. %1이(가) 설치되어 실행 중인가요?</translation>
    </message>
    <message>
        <source>no %1 engine answers on %2 (%3); is it running?</source>
        <extracomment>%1 Docker or Podman, %2 the socket and where it was found, %3 the system&apos;s reason</extracomment>
        <translation>%2에서 응답하는 %1 엔진이 없습니다 (%3). 실행 중인가요?</translation>
    </message>
    <message>
        <source>%1 has no API socket here (only the program %2)</source>
        <extracomment>%1 is Docker or Podman, %2 a program&apos;s path</extracomment>
        <translation>여기에는 %1 API 소켓이 없습니다 (프로그램 %2만 있음)</translation>
    </message>
    <message>
        <source>%1 closed the connection: %2</source>
        <extracomment>%1 Docker or Podman, %2 the system&apos;s reason</extracomment>
        <translation>%1이(가) 연결을 닫았습니다: %2</translation>
    </message>
    <message>
        <source>%1 stopped reading the request</source>
        <translation>%1이(가) 요청 읽기를 멈췄습니다</translation>
    </message>
    <message>
        <source>%1&apos;s answer ended early</source>
        <translation>%1의 응답이 중간에 끝났습니다</translation>
    </message>
    <message>
        <source>%1 sent a malformed chunk</source>
        <translation>%1이(가) 형식이 잘못된 청크를 보냈습니다</translation>
    </message>
    <message>
        <source>%1&apos;s response headers are too large</source>
        <translation>%1의 응답 헤더가 너무 큽니다</translation>
    </message>
    <message>
        <source>%1 closed the connection without an answer</source>
        <translation>%1이(가) 응답 없이 연결을 닫았습니다</translation>
    </message>
    <message>
        <source>%1 did not answer in HTTP</source>
        <translation>%1이(가) HTTP로 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 minutes</source>
        <translation>%1이(가) %2분 동안 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>%1&apos;s answer is larger than %2 bytes</source>
        <extracomment>%1 Docker or Podman, %2 a number of bytes</extracomment>
        <translation>%1의 응답이 %2바이트보다 큽니다</translation>
    </message>
</context>
<context>
    <name>wharf::EngineImageReader</name>
    <message>
        <source>reading an image&apos;s files from %1 needs its API service (podman system service)</source>
        <extracomment>%1 is Podman</extracomment>
        <translation>%1에서 Image의 파일을 읽으려면 API 서비스(podman system service)가 필요합니다</translation>
    </message>
    <message>
        <source>%1 gave %2 an image ID that is not a digest</source>
        <translation>%1이(가) %2에 Digest가 아닌 Image ID를 주었습니다</translation>
    </message>
    <message>
        <source>%1 would not export %2 (HTTP %3)</source>
        <extracomment>%1 Docker or Podman, %2 an image name, %3 an HTTP status</extracomment>
        <translation>%1이(가) %2을(를) 내보내지 않았습니다 (HTTP %3)</translation>
    </message>
    <message>
        <source>reading %1&apos;s export of %2</source>
        <translation>%1이(가) 내보낸 %2을(를) 읽는 중</translation>
    </message>
    <message>
        <source>the config in %1&apos;s export is larger than %2 bytes</source>
        <translation>%1이(가) 내보낸 config가 %2바이트보다 큽니다</translation>
    </message>
    <message>
        <source>the config in %1&apos;s export does not hash to the image ID %2</source>
        <translation>%1이(가) 내보낸 config의 해시가 Image ID %2와(과) 다릅니다</translation>
    </message>
    <message>
        <source>layer %1 of %2</source>
        <translation>Layer %2개 중 %1번째</translation>
    </message>
    <message>
        <source>%1&apos;s export of %2 has no config</source>
        <translation>%1이(가) 내보낸 %2에 config가 없습니다</translation>
    </message>
    <message>
        <source>%1&apos;s export of %2 lacks the layer %3</source>
        <extracomment>%1 Docker or Podman, %2 an image name, %3 a layer&apos;s diff ID</extracomment>
        <translation>%1이(가) 내보낸 %2에 Layer %3이(가) 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::EngineImagesModel</name>
    <message>
        <source>Repository</source>
        <translation>리포지토리</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>Image ID</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성 시각</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
</context>
<context>
    <name>wharf::EngineImagesPage</name>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>제거…</translation>
    </message>
    <message>
        <source>List %1’s images again (F5)</source>
        <extracomment>%1: Docker or Podman</extracomment>
        <translation>%1의 Image 목록을 다시 읽습니다 (F5)</translation>
    </message>
    <message>
        <source>Remove the image&apos;s name from %1; the image goes with its last name (Delete)</source>
        <extracomment>%1: Docker or Podman</extracomment>
        <translation>%1에서 Image 이름을 제거합니다. 마지막 이름이 제거되면 Image도 함께 제거됩니다 (Delete)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>제거(&amp;R)…</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <extracomment>%1: Docker or Podman</extracomment>
        <translation>%1에 묻는 중…</translation>
    </message>
    <message>
        <source>%1’s images could not be listed</source>
        <extracomment>%1: Docker or Podman</extracomment>
        <translation>%1의 Image 목록을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Listing %1’s images…</source>
        <extracomment>%1: Docker or Podman</extracomment>
        <translation>%1의 Image 목록을 읽는 중…</translation>
    </message>
    <message>
        <source>%1 holds no images.</source>
        <extracomment>%1: Docker or Podman</extracomment>
        <translation>%1에 Image가 없습니다.</translation>
    </message>
    <message>
        <source>Remove Image</source>
        <translation>Image 제거</translation>
    </message>
    <message>
        <source>Remove %1 from %2?</source>
        <extracomment>%1: an image name (&quot;nginx:1.27&quot;), %2: Docker or Podman</extracomment>
        <translation>%2에서 %1을(를) 제거할까요?</translation>
    </message>
    <message>
        <source>%1 removes this name; the image and its layers go with its last name. %1 refuses while a container uses the image.</source>
        <extracomment>%1: Docker or Podman</extracomment>
        <translation>%1은(는) 이 이름을 제거합니다. 마지막 이름이 제거되면 Image와 Layer도 함께 제거됩니다. 컨테이너가 Image를 사용하는 동안에는 %1이(가) 거부합니다.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
</context>
<context>
    <name>wharf::EngineLoadJob</name>
    <message>
        <source>the pull was stopped</source>
        <translation>가져오기가 중지되었습니다</translation>
    </message>
</context>
<context>
    <name>wharf::EngineLoader</name>
    <message>
        <source>%1 accepted the archive but has no image %2 afterwards</source>
        <extracomment>%1 Docker or Podman, %2 an image name</extracomment>
        <translation>%1이(가) 아카이브를 받았지만 그 뒤에 Image %2이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 holds %2 as image ID %3, not %4</source>
        <extracomment>%1 Docker or Podman, %2 an image name, %3 and %4 image IDs</extracomment>
        <translation>%1에 있는 %2의 Image ID가 %4이(가) 아니라 %3입니다</translation>
    </message>
    <message>
        <source>%1 records %2 as %3, not %4</source>
        <extracomment>%1 Docker or Podman, %2 an image name, %3 and %4 platforms (linux/arm/v7)</extracomment>
        <translation>%1이(가) %2을(를) %4이(가) 아니라 %3(으)로 기록합니다</translation>
    </message>
    <message>
        <source>%1 does not run natively on this %2 (%3): containers from it need emulation (QEMU binfmt)</source>
        <extracomment>%1 a platform (linux/arm/v7), %2 Docker or Podman, %3 the engine&apos;s platform (linux/amd64)</extracomment>
        <translation>%1은(는) 이 %2(%3)에서 네이티브로 실행되지 않습니다: 이 Image의 컨테이너에는 에뮬레이션(QEMU binfmt)이 필요합니다</translation>
    </message>
    <message>
        <source>Loaded into %1 untagged (%2), image ID %3</source>
        <extracomment>%1 Docker or Podman, %2 a platform, %3 an image ID</extracomment>
        <translation>태그 없이 %1에 로드했습니다 (%2), Image ID %3</translation>
    </message>
    <message>
        <source>Loaded into %1 as %2 (%3), image ID %4</source>
        <extracomment>%1 Docker or Podman, %2 an image name (nginx:1.27), %3 a platform, %4 an image ID</extracomment>
        <translation>%1에 %2(으)로 로드했습니다 (%3), Image ID %4</translation>
    </message>
    <message>
        <source>the load was cancelled</source>
        <translation>로드가 취소되었습니다</translation>
    </message>
</context>
<context>
    <name>wharf::EngineLocator</name>
    <message>
        <source>Wharf reaches %1 over a unix socket only; %2 (from %3) is not one</source>
        <extracomment>%1 is Docker or Podman, %2 an address such as tcp://host:2376, %3 where it was set (DOCKER_HOST)</extracomment>
        <translation>Wharf는 %1에 유닉스 소켓으로만 연결합니다. %2(%3에서 지정)은(는) 유닉스 소켓이 아닙니다</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object</source>
        <translation>%1은(는) JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the docker context “%1” (from %2) cannot be read: %3</source>
        <extracomment>%1 is a docker context&apos;s name, %2 where it was chosen, %3 why it cannot be read</extracomment>
        <translation>docker 컨텍스트 “%1”(%2에서 지정)을(를) 읽을 수 없습니다: %3</translation>
    </message>
    <message>
        <source>the docker context “%1” names no Docker endpoint (%2)</source>
        <translation>docker 컨텍스트 “%1”에 Docker 엔드포인트가 없습니다 (%2)</translation>
    </message>
    <message>
        <source>docker context “%1”</source>
        <extracomment>%1 is a docker context&apos;s name</extracomment>
        <translation>docker 컨텍스트 “%1”</translation>
    </message>
    <message>
        <source>default</source>
        <translation>기본값</translation>
    </message>
</context>
<context>
    <name>wharf::EngineSources</name>
    <message>
        <source>Reading %1 from %2: %3…</source>
        <translation>%2에서 %1을(를) 읽는 중: %3…</translation>
    </message>
    <message>
        <source>No container engine is set for this window</source>
        <translation>이 창에는 컨테이너 엔진이 설정되어 있지 않습니다</translation>
    </message>
    <message>
        <source>Opening %1 from %2…</source>
        <extracomment>%1: an image name, %2: Docker or Podman</extracomment>
        <translation>%2에서 %1을(를) 여는 중…</translation>
    </message>
    <message>
        <source>Could not remove %1 from %2: %3</source>
        <extracomment>%1: an image name, %2: Docker or Podman, %3: why (the engine&apos;s own words)</extracomment>
        <translation>%2에서 %1을(를) 제거할 수 없습니다: %3</translation>
    </message>
    <message>
        <source>Removed %1 from %2</source>
        <extracomment>%1: an image name, %2: Docker or Podman</extracomment>
        <translation>%2에서 %1을(를) 제거했습니다</translation>
    </message>
    <message>
        <source>%1 · untagged image %2</source>
        <extracomment>where the image on show is from: %1 Docker or Podman, %2 its image ID</extracomment>
        <translation>%1 · 태그 없는 Image %2</translation>
    </message>
    <message>
        <source>%1 · %2, image ID %3</source>
        <extracomment>where the image on show is from: %1 Docker or Podman, %2 its name, %3 its image ID</extracomment>
        <translation>%1 · %2, Image ID %3</translation>
    </message>
</context>
<context>
    <name>wharf::EngineTargets</name>
    <message>
        <source>Looking for %1…</source>
        <extracomment>%1 Docker or Podman</extracomment>
        <translation>%1을(를) 찾는 중…</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <extracomment>%1 the engine&apos;s name (&quot;Docker Engine - Community&quot;), %2 its version, %3 its address</extracomment>
        <translation>%1 %2 (%3)</translation>
    </message>
</context>
<context>
    <name>wharf::HistoryModel</name>
    <message>
        <source>no layer</source>
        <extracomment>a build step (ENV, CMD, …) that changed only the config</extracomment>
        <translation>Layer 없음</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성 시각</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Layer digest</source>
        <translation>Layer Digest</translation>
    </message>
    <message>
        <source>Diff ID</source>
        <translation>Diff ID</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>a layer whose size its manifest does not record (Docker schema 1)</extracomment>
        <translation>알 수 없음</translation>
    </message>
</context>
<context>
    <name>wharf::Hub</name>
    <message>
        <source>Docker Hub sent a malformed %1</source>
        <translation>Docker Hub에서 받은 %1의 형식이 잘못되었습니다</translation>
    </message>
    <message>
        <source>search result</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <source>search page</source>
        <translation>검색 페이지</translation>
    </message>
    <message>
        <source>repository record</source>
        <translation>리포지토리 정보</translation>
    </message>
    <message>
        <source>tag record</source>
        <translation>태그 정보</translation>
    </message>
    <message>
        <source>tag page</source>
        <translation>태그 페이지</translation>
    </message>
    <message>
        <source>repository list</source>
        <translation>리포지토리 목록</translation>
    </message>
</context>
<context>
    <name>wharf::HubClient</name>
    <message>
        <source>search “%1”</source>
        <translation>“%1” 검색</translation>
    </message>
    <message>
        <source>repository %1/%2</source>
        <translation>리포지토리 %1/%2</translation>
    </message>
    <message>
        <source>tags of %1/%2</source>
        <translation>%1/%2의 태그</translation>
    </message>
    <message>
        <source>tag %1 of %2/%3</source>
        <translation>%2/%3의 태그 %1</translation>
    </message>
    <message>
        <source>repositories of %1</source>
        <translation>%1의 리포지토리</translation>
    </message>
    <message>
        <source>Docker Hub sent no access token</source>
        <translation>Docker Hub가 액세스 토큰을 보내지 않았습니다</translation>
    </message>
    <message>
        <source>Docker Hub refused the password or access token</source>
        <translation>Docker Hub가 비밀번호 또는 액세스 토큰을 거부했습니다</translation>
    </message>
    <message>
        <source>signing in to Docker Hub as %1</source>
        <translation>%1(으)로 Docker Hub에 로그인하는 중</translation>
    </message>
</context>
<context>
    <name>wharf::HubPaging</name>
    <message numerus="yes">
        <source>Docker Hub&apos;s tag pages went in circles; the list ends after %n tag(s)</source>
        <translation>
            <numerusform>Docker Hub의 태그 페이지가 같은 곳을 맴돕니다. 목록은 태그 %n개에서 끝납니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Docker Hub&apos;s result pages went in circles; the list ends after %n result(s)</source>
        <translation>
            <numerusform>Docker Hub의 결과 페이지가 같은 곳을 맴돕니다. 목록은 결과 %n개에서 끝납니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::HubRequest</name>
    <message>
        <source>the Docker Hub client is gone</source>
        <translation>Docker Hub 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>Docker Hub (%1)</source>
        <translation>Docker Hub(%1)</translation>
    </message>
    <message>
        <source>%1 not found on Docker Hub</source>
        <translation>Docker Hub에서 %1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>Docker Hub requires a login for %1</source>
        <translation>%1에는 Docker Hub 로그인이 필요합니다</translation>
    </message>
    <message>
        <source>Docker Hub denied access to %1</source>
        <translation>Docker Hub에서 %1에 대한 접근을 거부했습니다</translation>
    </message>
    <message>
        <source>Docker Hub answered HTTP %1 for %2%3</source>
        <translation>Docker Hub에서 %2 요청에 HTTP %1 응답을 보냈습니다%3</translation>
    </message>
    <message>
        <source>Docker Hub sent malformed JSON for %1</source>
        <translation>Docker Hub에서 %1에 대해 잘못된 JSON을 보냈습니다</translation>
    </message>
    <message>
        <source>Docker Hub is rate limiting requests; %1</source>
        <translation>Docker Hub에서 요청 수를 제한하고 있습니다. %1</translation>
    </message>
    <message>
        <source>Docker Hub lists only the first pages of %1 without signing in</source>
        <translation>로그인하지 않으면 Docker Hub는 %1의 앞쪽 페이지만 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>wharf::ImageDiffLayersModel</name>
    <message>
        <source>shared base</source>
        <translation>공유 베이스</translation>
    </message>
    <message>
        <source>in both</source>
        <translation>양쪽 모두</translation>
    </message>
    <message>
        <source>only in %1</source>
        <translation>%1에만 있음</translation>
    </message>
    <message>
        <source>layer %1 → layer %2</source>
        <translation>Layer %1 → Layer %2</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Layer %1</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>위치</translation>
    </message>
</context>
<context>
    <name>wharf::ImageDiffModel</name>
    <message>
        <source>added</source>
        <translation>추가됨</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>제거됨</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>변경됨</translation>
    </message>
    <message>
        <source>type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>소유자</translation>
    </message>
    <message>
        <source>link target</source>
        <translation>링크 대상</translation>
    </message>
    <message>
        <source>time</source>
        <translation>수정 시각</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Another layer blob holds this path; nothing else in its entry differs, so the bytes may be the same.</source>
        <translation>이 경로가 다른 Layer blob에 들어 있습니다. 항목의 다른 부분은 모두 같으므로 내용은 같을 수 있습니다.</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Size before</source>
        <translation>이전 크기</translation>
    </message>
    <message>
        <source>Size in %1</source>
        <translation>%1의 크기</translation>
    </message>
    <message>
        <source>Size after</source>
        <translation>이후 크기</translation>
    </message>
    <message>
        <source>Δ Size</source>
        <translation>Δ 크기</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>차이점</translation>
    </message>
</context>
<context>
    <name>wharf::ImageEfficiencyModel</name>
    <message>
        <source>removed</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>유지됨</translation>
    </message>
    <message numerus="yes">
        <source>/%1: %2 in %n copies, all gone from the final image</source>
        <translation>
            <numerusform>/%1: 사본 %n개에 %2, 최종 Image에는 모두 없음</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>/%1: %2 in %n copies that a later copy hides</source>
        <translation>
            <numerusform>/%1: 뒤 사본이 가리는 사본 %n개에 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation>낭비</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>사본</translation>
    </message>
    <message>
        <source>Final image</source>
        <translation>최종 Image</translation>
    </message>
</context>
<context>
    <name>wharf::ImageExporter</name>
    <message>
        <source>the export was cancelled</source>
        <translation>내보내기가 취소되었습니다</translation>
    </message>
    <message>
        <source>the stored blob %1 is damaged (run “wharf verify”)</source>
        <translation>저장된 blob %1이(가) 손상되었습니다(“wharf verify”를 실행하세요)</translation>
    </message>
    <message>
        <source>expected %1 bytes, found %2</source>
        <translation>%1바이트여야 하는데 %2바이트입니다</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>layer %1 of %2</source>
        <extracomment>%1 and %2 count layers (&quot;layer 2 of 5&quot;)</extracomment>
        <translation>Layer %2개 중 %1번째</translation>
    </message>
    <message>
        <source>layer %1 of %2 (%3)</source>
        <extracomment>%1 and %2 count layers (&quot;layer 2 of 5&quot;), %3 is its digest</extracomment>
        <translation>Layer %2개 중 %1번째(%3)</translation>
    </message>
    <message>
        <source>%1 is an index, not an image manifest</source>
        <translation>%1은(는) Image manifest가 아니라 인덱스입니다</translation>
    </message>
    <message>
        <source>reading the config</source>
        <translation>config 읽기</translation>
    </message>
    <message>
        <source>%1 is not a container image (its config is “%2”); only --format oci-archive can export it</source>
        <translation>%1은(는) 컨테이너 Image가 아닙니다(config: “%2”). --format oci-archive로만 내보낼 수 있습니다</translation>
    </message>
    <message>
        <source>the config lists %1 diff_ids for %2 layers; the image is inconsistent</source>
        <translation>Layer는 %2개인데 config의 diff_ids는 %1개입니다. Image가 일관되지 않습니다</translation>
    </message>
    <message>
        <source>the layer %1 is “%2”, not a tar layer</source>
        <translation>Layer %1의 미디어 타입이 “%2”이므로 tar Layer가 아닙니다</translation>
    </message>
    <message>
        <source>a stage of the load does not describe the first layers of %1</source>
        <translation>로드의 한 단계가 %1의 첫 Layer들과 맞지 않습니다</translation>
    </message>
</context>
<context>
    <name>wharf::ImageInspectJob</name>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>%1 has no image for %2 (it has: %3)</source>
        <translation>%1에 %2용 Image가 없습니다(있는 플랫폼: %3)</translation>
    </message>
    <message>
        <source>no platforms</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>the manifest for %1 is %2 bytes but the index says %3</source>
        <translation>%1의 manifest는 %2바이트인데 인덱스에는 %3바이트로 적혀 있습니다</translation>
    </message>
    <message>
        <source>%1 points to a nested index, which Wharf does not inspect</source>
        <translation>%1은(는) 중첩된 인덱스를 가리킵니다. Wharf는 중첩 인덱스를 살펴보지 않습니다</translation>
    </message>
    <message>
        <source>fetching the image config</source>
        <translation>Image config 가져오기</translation>
    </message>
    <message>
        <source>the image config</source>
        <translation>Image config</translation>
    </message>
    <message>
        <source>%1 is a single-platform image for %2, not %3</source>
        <translation>%1은(는) %3용이 아니라 %2용 단일 플랫폼 Image입니다</translation>
    </message>
</context>
<context>
    <name>wharf::ImagePane</name>
    <message>
        <source>Pick a platform to see its layers, history and config.</source>
        <translation>플랫폼을 고르면 Layer, 기록, config를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Loading the image’s manifest and config…</source>
        <translation>Image의 manifest와 config를 불러오는 중…</translation>
    </message>
    <message>
        <source>This image has no layers or history.</source>
        <translation>이 Image에는 Layer도 기록도 없습니다.</translation>
    </message>
    <message>
        <source>The build history does not match the layers; only the layers are listed.</source>
        <translation>빌드 기록이 Layer와 맞지 않아 Layer만 표시합니다.</translation>
    </message>
    <message>
        <source>The image could not be inspected</source>
        <translation>Image를 살펴볼 수 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::ImageReference</name>
    <message>
        <source>“%1” is not a valid image reference: %2</source>
        <translation>“%1”은(는) 올바른 Image 참조가 아닙니다: %2</translation>
    </message>
    <message>
        <source>repository name must have at least one component</source>
        <translation>리포지토리 이름에는 구성 요소가 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>invalid reference format</source>
        <translation>잘못된 참조 형식</translation>
    </message>
    <message>
        <source>repository name must be lowercase</source>
        <translation>리포지토리 이름은 소문자여야 합니다</translation>
    </message>
    <message>
        <source>repository name must not be more than 255 characters</source>
        <translation>리포지토리 이름은 255자를 넘을 수 없습니다</translation>
    </message>
    <message>
        <source>repository name must be canonical</source>
        <translation>리포지토리 이름은 정규(canonical) 형식이어야 합니다</translation>
    </message>
    <message>
        <source>invalid tag format</source>
        <translation>잘못된 태그 형식</translation>
    </message>
    <message>
        <source>invalid checksum digest format</source>
        <translation>잘못된 체크섬 Digest 형식</translation>
    </message>
    <message>
        <source>unsupported digest algorithm</source>
        <translation>지원하지 않는 Digest 알고리즘</translation>
    </message>
    <message>
        <source>cannot specify 64-byte hexadecimal strings</source>
        <translation>64바이트 16진수 문자열은 지정할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::ImageStore</name>
    <message>
        <source>the store is busy: %1 (pid %2) holds %3</source>
        <translation>저장소를 사용 중입니다: %1(pid %2)에서 %3을(를) 잠그고 있습니다</translation>
    </message>
    <message>
        <source>cannot create the lock file %1</source>
        <translation>잠금 파일을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>no store folder given</source>
        <translation>저장소 폴더를 지정하지 않았습니다</translation>
    </message>
    <message>
        <source>cannot create the store folder %1</source>
        <translation>저장소 폴더를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not empty and is not an OCI image layout</source>
        <translation>%1은(는) 비어 있지 않고 OCI Image 레이아웃도 아닙니다</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1의 크기가 %2바이트보다 큽니다</translation>
    </message>
    <message>
        <source>the stored blob is corrupt (run “wharf verify”)</source>
        <translation>저장된 blob이 손상되었습니다(“wharf verify”를 실행하세요)</translation>
    </message>
    <message>
        <source>no valid digest given</source>
        <translation>올바른 Digest를 지정하지 않았습니다</translation>
    </message>
    <message>
        <source>%1 is not in the store</source>
        <translation>저장소에 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 is an index, not an image manifest</source>
        <translation>%1은(는) Image manifest가 아니라 인덱스입니다</translation>
    </message>
    <message>
        <source>an image entry must name an image manifest, not “%1”</source>
        <translation>Image 항목은 “%1”이(가) 아니라 Image manifest를 가리켜야 합니다</translation>
    </message>
    <message>
        <source>the manifest %1 is not in the store</source>
        <translation>저장소에 manifest %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>the config %1 is not in the store</source>
        <translation>저장소에 config %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>the layer %1 is not in the store</source>
        <translation>저장소에 Layer %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 for %2 is not in the store</source>
        <translation>저장소에 %2용 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>garbage collection stopped, nothing was deleted</source>
        <translation>가비지 컬렉션을 중단했습니다. 아무것도 삭제하지 않았습니다</translation>
    </message>
    <message>
        <source>cannot read the lease %1; nothing was deleted</source>
        <translation>lease %1을(를) 읽을 수 없어 아무것도 삭제하지 않았습니다</translation>
    </message>
    <message>
        <source>cannot delete %1</source>
        <translation>%1을(를) 삭제할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 does not belong in an image layout Wharf can verify</source>
        <translation>%1은(는) Wharf가 검증할 수 있는 Image 레이아웃에 속하지 않습니다</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1 is not named by a valid digest</source>
        <translation>%1의 이름이 올바른 Digest가 아닙니다</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is corrupt: %2 bytes where %3 are expected, and the content does not match its digest</source>
        <translation>%1이(가) 손상되었습니다: %3바이트여야 하는데 %2바이트이고, 내용이 Digest와 일치하지 않습니다</translation>
    </message>
    <message>
        <source>%1 is corrupt: the content does not match its digest</source>
        <translation>%1이(가) 손상되었습니다: 내용이 Digest와 일치하지 않습니다</translation>
    </message>
    <message>
        <source>%1 is %2 bytes but %3 says %4</source>
        <translation>%1은(는) %2바이트인데 %3에는 %4바이트로 적혀 있습니다</translation>
    </message>
    <message>
        <source>cannot store a blob without a valid digest</source>
        <translation>올바른 Digest가 없는 blob은 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot store %1: its size is negative</source>
        <translation>%1을(를) 저장할 수 없습니다: 크기가 음수입니다</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>폴더를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 is being downloaded by another process (pid %2)</source>
        <translation>다른 프로세스(pid %2)에서 %1을(를) 다운로드하고 있습니다</translation>
    </message>
    <message>
        <source>cannot lock the download of %1 in %2</source>
        <translation>%2에서 %1 다운로드를 잠글 수 없습니다</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the download is no longer open for writing</source>
        <translation>다운로드 파일이 더 이상 쓰기용으로 열려 있지 않습니다</translation>
    </message>
    <message>
        <source>received more than the %1 bytes expected for %2</source>
        <translation>%2에 예상한 %1바이트보다 많이 받았습니다</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot truncate %1: %2</source>
        <translation>%1을(를) 잘라낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot sync %1: the file is not open</source>
        <translation>%1을(를) 동기화할 수 없습니다: 파일이 열려 있지 않습니다</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk: %2</source>
        <translation>%1을(를) 디스크에 동기화할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot open folder %1: %2</source>
        <translation>%1 폴더를 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot sync folder %1 to disk: %2</source>
        <translation>%1 폴더를 디스크에 동기화할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2: %3</source>
        <translation>%1의 이름을 %2(으)로 바꿀 수 없습니다: %3</translation>
    </message>
    <message>
        <source>%1 is not a valid image index; Wharf will not change it</source>
        <translation>%1은(는) 올바른 Image 인덱스가 아닙니다. Wharf는 이 파일을 바꾸지 않습니다</translation>
    </message>
    <message>
        <source>%1 has no “manifests” list; Wharf will not change it</source>
        <translation>%1에 “manifests” 목록이 없습니다. Wharf는 이 파일을 바꾸지 않습니다</translation>
    </message>
    <message>
        <source>“%1” names no repository</source>
        <translation>“%1”에 리포지토리 이름이 없습니다</translation>
    </message>
    <message>
        <source>cannot follow %1</source>
        <translation>%1을(를) 따라갈 수 없습니다</translation>
    </message>
    <message>
        <source>%1 is not a JSON document</source>
        <translation>%1은(는) JSON 문서가 아닙니다</translation>
    </message>
    <message>
        <source>%1 has an unusable descriptor at %2</source>
        <translation>%1의 %2에 사용할 수 없는 descriptor가 있습니다</translation>
    </message>
    <message>
        <source>%1 is missing (referenced by %2)</source>
        <translation>%1이(가) 없습니다(%2에서 참조)</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1은(는) 객체가 아닙니다</translation>
    </message>
    <message>
        <source>%1 has the unknown media type “%2”</source>
        <translation>%1의 미디어 타입을 알 수 없습니다: “%2”</translation>
    </message>
    <message>
        <source>cannot create the lease %1</source>
        <translation>lease %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>cannot create the lease %1: %2</source>
        <translation>lease %1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the lease has already been released</source>
        <translation>lease가 이미 해제되었습니다</translation>
    </message>
    <message>
        <source>cannot protect an invalid digest</source>
        <translation>올바르지 않은 Digest는 보호할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write the lease %1: %2</source>
        <translation>lease %1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>wharf::Job</name>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>wharf::KeychainStore</name>
    <message>
        <source>the keychain entry for %1 is not one Wharf can read; remove it and sign in again</source>
        <translation>%1의 키체인 항목을 Wharf가 읽을 수 없습니다. 항목을 지우고 다시 로그인하세요</translation>
    </message>
    <message>
        <source>the keychain request was cancelled</source>
        <translation>키체인 요청이 취소되었습니다</translation>
    </message>
    <message>
        <source>there are no credentials to store for %1</source>
        <translation>%1에 저장할 자격 증명이 없습니다</translation>
    </message>
    <message>
        <source>the system keychain refused access to the credentials for %1 (%2); unlock it and try again</source>
        <translation>시스템 키체인이 %1의 자격 증명에 대한 접근을 거부했습니다(%2). 키체인 잠금을 풀고 다시 시도하세요</translation>
    </message>
    <message>
        <source>could not remove the credentials for %1 from the system keychain (%2)</source>
        <translation>시스템 키체인에서 %1의 자격 증명을 제거할 수 없습니다(%2)</translation>
    </message>
    <message>
        <source>the system keychain failed on the credentials for %1 (%2)</source>
        <translation>시스템 키체인에서 %1의 자격 증명을 처리하지 못했습니다(%2)</translation>
    </message>
    <message>
        <source>no system keychain is available (%1); Wharf does not store secrets in plain files</source>
        <translation>사용할 수 있는 시스템 키체인이 없습니다(%1). Wharf는 비밀 정보를 일반 파일에 저장하지 않습니다</translation>
    </message>
</context>
<context>
    <name>wharf::LayerArchiveReader</name>
    <message>
        <source>cannot read the layer: %1</source>
        <translation>Layer를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>the layer expands to more than %1 bytes; Wharf stops there (a decompression bomb?)</source>
        <translation>Layer의 압축을 풀면 %1바이트를 넘으므로 Wharf가 중단합니다(압축 폭탄일 수 있습니다)</translation>
    </message>
    <message>
        <source>the layer is longer than the %1 bytes its descriptor gives</source>
        <translation>Layer가 descriptor에 적힌 %1바이트보다 깁니다</translation>
    </message>
    <message>
        <source>the layer ends after %1 of its %2 bytes</source>
        <translation>Layer가 %2바이트 중 %1바이트에서 끝났습니다</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>a tar header of the layer is too large: %1</source>
        <translation>Layer의 tar 헤더가 너무 큽니다: %1</translation>
    </message>
    <message>
        <source>the layer is not a valid tar, or its gzip or zstd compression is damaged: %1</source>
        <translation>Layer가 올바른 tar가 아니거나 gzip 또는 zstd 압축이 손상되었습니다: %1</translation>
    </message>
    <message>
        <source>cannot start reading the layer</source>
        <translation>Layer 읽기를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>this libarchive cannot decompress gzip and zstd by itself</source>
        <translation>이 libarchive는 gzip과 zstd를 자체적으로 압축 해제할 수 없습니다</translation>
    </message>
    <message>
        <source>this libarchive cannot read tar</source>
        <translation>이 libarchive는 tar를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>entry %1 of the layer has no name</source>
        <translation>Layer의 %1번째 항목에 이름이 없습니다</translation>
    </message>
    <message>
        <source>entry %1 of the layer has a name of %2 bytes, more than the %3 Wharf accepts</source>
        <translation>Layer의 %1번째 항목 이름이 %2바이트로, Wharf가 받는 최대 크기인 %3바이트를 넘습니다</translation>
    </message>
    <message>
        <source>the layer&apos;s entry %1 points outside the image (&quot;..&quot;)</source>
        <translation>Layer 항목 %1의 경로가 Image 밖을 가리킵니다(&quot;..&quot;)</translation>
    </message>
    <message>
        <source>the layer&apos;s entry %1 comes with %2 bytes of extended headers, more than the %3 Wharf accepts</source>
        <translation>Layer 항목 %1의 확장 헤더가 %2바이트로, Wharf가 받는 최대 크기인 %3바이트를 넘습니다</translation>
    </message>
    <message>
        <source>the layer&apos;s entry %1 has a negative size</source>
        <translation>Layer 항목 %1의 크기가 음수입니다</translation>
    </message>
    <message>
        <source>the layer&apos;s entry %1 claims %2 bytes, more than the whole layer may hold</source>
        <translation>Layer 항목 %1의 크기가 %2바이트로 적혀 있는데, Layer 전체가 담을 수 있는 크기보다 큽니다</translation>
    </message>
    <message>
        <source>the layer&apos;s entry %1 has a type tar layers cannot hold</source>
        <translation>Layer 항목 %1의 유형은 tar Layer에 담을 수 없습니다</translation>
    </message>
    <message>
        <source>the layer&apos;s entry %1 replaces the root folder</source>
        <translation>Layer 항목 %1은(는) 루트 폴더를 대체합니다</translation>
    </message>
    <message>
        <source>the layer&apos;s entry %1 is not a valid whiteout</source>
        <translation>Layer 항목 %1은(는) 올바른 whiteout이 아닙니다</translation>
    </message>
    <message>
        <source>the layer&apos;s hard link %1 has a target of %2 bytes, more than the %3 Wharf accepts</source>
        <translation>Layer의 하드 링크 %1의 대상 경로가 %2바이트로, Wharf가 받는 최대 크기인 %3바이트를 넘습니다</translation>
    </message>
    <message>
        <source>the layer&apos;s hard link %1 points at %2, which is not a file earlier in the layer</source>
        <translation>Layer의 하드 링크 %1의 대상(%2)이 Layer에서 앞서 나온 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the layer&apos;s symbolic link %1 has a target of %2 bytes, more than the %3 Wharf accepts</source>
        <translation>Layer의 심볼릭 링크 %1의 대상 경로가 %2바이트로, Wharf가 받는 최대 크기인 %3바이트를 넘습니다</translation>
    </message>
    <message>
        <source>the layer has more than %1 entries; Wharf stops there</source>
        <translation>Layer의 항목이 %1개를 넘으므로 Wharf가 중단합니다</translation>
    </message>
    <message>
        <source>only a file&apos;s content can be read</source>
        <translation>파일의 내용만 읽을 수 있습니다</translation>
    </message>
    <message>
        <source>the layer is larger than %1 bytes; Wharf stops there</source>
        <translation>Layer가 %1바이트보다 크므로 Wharf가 중단합니다</translation>
    </message>
    <message>
        <source>the layer has %1 bytes, not the %2 its descriptor says</source>
        <translation>Layer가 %1바이트로, descriptor에 적힌 %2바이트와 다릅니다</translation>
    </message>
    <message>
        <source>the layer&apos;s entry %1 is more than %2 folders deep; Wharf stops there</source>
        <translation>Layer의 항목 %1이(가) 폴더 %2단계보다 깊습니다. Wharf는 여기서 멈춥니다</translation>
    </message>
    <message>
        <source>the layer&apos;s folders are nested beyond what Wharf lists (their paths add up to more than %1 characters at entry %2)</source>
        <translation>Layer의 폴더가 Wharf가 나열할 수 있는 것보다 깊게 중첩되어 있습니다(항목 %2에서 폴더 경로의 합이 %1자를 넘음)</translation>
    </message>
</context>
<context>
    <name>wharf::LayerDecompressor</name>
    <message>
        <source>cannot read the layer: %1</source>
        <translation>Layer를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the layer is not a valid gzip, zstd or tar stream: %1</source>
        <translation>Layer가 올바른 gzip, zstd 또는 tar 스트림이 아닙니다: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>cannot start decompressing the layer</source>
        <translation>Layer 압축 해제를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>this libarchive cannot decompress gzip and zstd by itself</source>
        <translation>이 libarchive는 gzip과 zstd를 자체적으로 압축 해제할 수 없습니다</translation>
    </message>
    <message>
        <source>this libarchive cannot read raw streams</source>
        <translation>이 libarchive는 raw 스트림을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the layer expands to more than %1 bytes; Wharf stops there (a decompression bomb?)</source>
        <translation>Layer의 압축을 풀면 %1바이트를 넘으므로 Wharf가 중단합니다(압축 폭탄일 수 있습니다)</translation>
    </message>
    <message>
        <source>the layer has not been read to its end</source>
        <translation>Layer를 끝까지 읽지 않았습니다</translation>
    </message>
    <message>
        <source>the uncompressed layer is %1, but the config&apos;s diff_id says %2</source>
        <translation>압축을 푼 Layer는 %1인데 config의 diff_id는 %2입니다</translation>
    </message>
</context>
<context>
    <name>wharf::LayerFileExtractJob</name>
    <message>
        <source>the layer has no valid digest</source>
        <translation>Layer에 올바른 Digest가 없습니다</translation>
    </message>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>could not create a temporary file for the layer: %1</source>
        <translation>Layer용 임시 파일을 만들 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>wharf::LayerFileExtractor</name>
    <message>
        <source>cannot create a file in the folder: %1</source>
        <translation>폴더에 파일을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation>파일에 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>a file named %1 is already in the folder</source>
        <translation>폴더에 이름이 %1인 파일이 이미 있습니다</translation>
    </message>
    <message>
        <source>cannot save the file: %1</source>
        <translation>파일을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2; Wharf saves only regular files</source>
        <translation>%1은(는) %2을(를) 가리키는 심볼릭 링크입니다. Wharf는 일반 파일만 저장합니다</translation>
    </message>
    <message>
        <source>%1 is a hard link to %2; save %2 instead</source>
        <translation>%1은(는) %2을(를) 가리키는 하드 링크입니다. 대신 %2을(를) 저장하세요</translation>
    </message>
    <message>
        <source>%1 is a folder; Wharf saves one regular file at a time</source>
        <translation>%1은(는) 폴더입니다. Wharf는 한 번에 일반 파일 하나만 저장합니다</translation>
    </message>
    <message>
        <source>this layer deletes %1; it holds no file to save there</source>
        <translation>이 Layer는 %1을(를) 삭제하므로 저장할 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1 is a device or a pipe, not a regular file</source>
        <translation>%1은(는) 일반 파일이 아니라 장치나 파이프입니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain file name; Wharf writes only directly into the chosen folder</source>
        <translation>&quot;%1&quot;은(는) 단순한 파일 이름이 아닙니다. Wharf는 선택한 폴더 바로 아래에만 씁니다</translation>
    </message>
    <message>
        <source>cannot open the folder %1: %2</source>
        <translation>%1 폴더를 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the layer has no file %1</source>
        <translation>Layer에 %1 파일이 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::LayerFilesModel</name>
    <message>
        <source>The image has no layer %1.</source>
        <translation>Image에 %1번째 Layer가 없습니다.</translation>
    </message>
    <message>
        <source>deleted file</source>
        <translation>삭제된 파일</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>deleted folder</source>
        <translation>삭제된 폴더</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>deleted symbolic link</source>
        <translation>삭제된 심볼릭 링크</translation>
    </message>
    <message>
        <source>symbolic link</source>
        <translation>심볼릭 링크</translation>
    </message>
    <message>
        <source>deleted hard link</source>
        <translation>삭제된 하드 링크</translation>
    </message>
    <message>
        <source>hard link</source>
        <translation>하드 링크</translation>
    </message>
    <message>
        <source>deleted character device</source>
        <translation>삭제된 문자 장치</translation>
    </message>
    <message>
        <source>character device</source>
        <translation>문자 장치</translation>
    </message>
    <message>
        <source>deleted block device</source>
        <translation>삭제된 블록 장치</translation>
    </message>
    <message>
        <source>block device</source>
        <translation>블록 장치</translation>
    </message>
    <message>
        <source>deleted FIFO</source>
        <translation>삭제된 FIFO</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>whiteout (nothing below)</source>
        <extracomment>a whiteout entry whose path was not there in the layers below</extracomment>
        <translation>whiteout(아래 Layer에 없음)</translation>
    </message>
    <message>
        <source>opaque marker</source>
        <translation>opaque 표시</translation>
    </message>
    <message>
        <source>added</source>
        <extracomment>what a layer did to a path: it was not there below</extracomment>
        <translation>추가됨</translation>
    </message>
    <message>
        <source>modified</source>
        <extracomment>what a layer did to a path: it was there below and the layer wrote it again</extracomment>
        <translation>수정됨</translation>
    </message>
    <message>
        <source>deleted</source>
        <extracomment>what a layer did to a path: it was there below and the layer removed it</extracomment>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>−%1</source>
        <extracomment>the bytes a deletion removed from the image</extracomment>
        <translation>−%1</translation>
    </message>
    <message>
        <source>%1: deleted by this layer, but it was not there below</source>
        <translation>%1: 이 Layer에서 삭제했지만 아래 Layer에는 없었습니다</translation>
    </message>
    <message>
        <source>%1: deleted by this layer</source>
        <translation>%1: 이 Layer에서 삭제됨</translation>
    </message>
    <message>
        <source>%1: this layer hides what the layers below had in this folder</source>
        <translation>%1: 아래 Layer들이 이 폴더에 둔 내용을 이 Layer가 가립니다</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>Owner</source>
        <extracomment>uid:gid of a file</extracomment>
        <translation>소유자</translation>
    </message>
    <message>
        <source>Link target</source>
        <translation>링크 대상</translation>
    </message>
    <message>
        <source>Change</source>
        <extracomment>what this layer did to the file: added, modified or deleted</extracomment>
        <translation>변경</translation>
    </message>
</context>
<context>
    <name>wharf::LayerFilesPane</name>
    <message>
        <source>This Layer Only</source>
        <translation>이 Layer만</translation>
    </message>
    <message>
        <source>What this layer&apos;s own tar holds, and what it deleted below</source>
        <translation>이 Layer의 tar에 든 내용과, 이 Layer가 아래 Layer에서 삭제한 항목</translation>
    </message>
    <message>
        <source>Merged up to This Layer</source>
        <translation>이 Layer까지 병합</translation>
    </message>
    <message>
        <source>The file system a container sees with the layers up to this one, and what this layer deleted</source>
        <translation>이 Layer까지 쌓았을 때 컨테이너가 보는 파일 시스템과, 이 Layer가 삭제한 항목</translation>
    </message>
    <message>
        <source>C&amp;hanges only</source>
        <translation>변경 사항만(&amp;H)</translation>
    </message>
    <message>
        <source>E&amp;xtract…</source>
        <translation>추출(&amp;X)…</translation>
    </message>
    <message>
        <source>No layer chosen</source>
        <translation>선택한 Layer 없음</translation>
    </message>
    <message>
        <source>Find by name (*.so for patterns)</source>
        <translation>이름으로 찾기(패턴은 *.so 형식)</translation>
    </message>
    <message>
        <source>Fi&amp;nd:</source>
        <translation>찾기(&amp;N):</translation>
    </message>
    <message>
        <source>Show only what this layer added, modified or deleted</source>
        <translation>이 Layer가 추가, 수정, 삭제한 항목만 보여 줍니다</translation>
    </message>
    <message>
        <source>Pick a layer in the image&apos;s history or on the layer map to see its files.</source>
        <translation>Image 기록이나 Layer 맵에서 Layer를 고르면 파일을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Reading the layer&apos;s files…</source>
        <translation>Layer의 파일을 읽는 중…</translation>
    </message>
    <message>
        <source>This layer has no files of its own.</source>
        <translation>이 Layer에는 자체 파일이 없습니다.</translation>
    </message>
    <message>
        <source>No files up to this layer.</source>
        <translation>이 Layer까지 파일이 없습니다.</translation>
    </message>
    <message>
        <source>The layer could not be read</source>
        <translation>Layer를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Only part of the layers could be read — the tree shows what was read before it stopped: %1</source>
        <translation>Layer를 일부만 읽었습니다. 트리에는 중단되기 전까지 읽은 내용이 표시됩니다: %1</translation>
    </message>
    <message>
        <source>+%1 ~%2 −%3</source>
        <extracomment>short counts of what the layer did: +added ~modified −deleted</extracomment>
        <translation>+%1 ~%2 −%3</translation>
    </message>
    <message>
        <source>%1 added · %2 modified · %3 deleted by this layer</source>
        <translation>이 Layer에서 추가 %1개 · 수정 %2개 · 삭제 %3개</translation>
    </message>
    <message>
        <source>Reading layers… %1 of %2 listed (%3 of %4)</source>
        <translation>Layer를 읽는 중… %2개 중 %1개 완료 (%4 중 %3)</translation>
    </message>
    <message>
        <source>Select a file to extract it.</source>
        <translation>추출할 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>This layer deleted it: there is nothing to extract.</source>
        <translation>이 Layer에서 삭제한 항목이라 추출할 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Folders cannot be extracted: select a file.</source>
        <translation>폴더는 추출할 수 없습니다. 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Links are not followed: this is a symbolic link to %1.</source>
        <translation>링크는 따라가지 않습니다. 이 항목은 %1에 대한 심볼릭 링크입니다.</translation>
    </message>
    <message>
        <source>Links are not followed: this is a hard link, extract /%1 instead.</source>
        <translation>링크는 따라가지 않습니다. 이 항목은 하드 링크이므로 대신 /%1을(를) 추출하세요.</translation>
    </message>
    <message>
        <source>Only regular files can be extracted, not devices or pipes.</source>
        <translation>일반 파일만 추출할 수 있습니다. 장치나 파이프는 추출할 수 없습니다.</translation>
    </message>
    <message>
        <source>Save /%1 into a folder you choose</source>
        <translation>/%1을(를) 선택한 폴더에 저장합니다</translation>
    </message>
    <message>
        <source>Reading layers… %1 of %2 listed (%3 read)</source>
        <translation>Layer를 읽는 중… %2개 중 %1개 완료 (%3 읽음)</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>경로 복사(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>Layer(&amp;L):</translation>
    </message>
</context>
<context>
    <name>wharf::LayerListJob</name>
    <message>
        <source>the layer is no longer being read</source>
        <translation>Layer를 더 이상 읽고 있지 않습니다</translation>
    </message>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>the layer has no valid digest</source>
        <translation>Layer에 올바른 Digest가 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::LayerMapJob</name>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message numerus="yes">
        <source>only the first %n images are mapped</source>
        <translation>
            <numerusform>처음 %n개 Image만 맵에 표시합니다</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no image for %2</source>
        <translation>%1에 %2용 Image가 없습니다</translation>
    </message>
    <message>
        <source>%1 is neither an image nor an index</source>
        <translation>%1은(는) Image도 인덱스도 아닙니다</translation>
    </message>
    <message>
        <source>the manifest for %1 is %2 bytes but the index says %3</source>
        <translation>%1의 manifest는 %2바이트인데 인덱스에는 %3바이트로 적혀 있습니다</translation>
    </message>
    <message>
        <source>%1 points to a nested index, which Wharf does not map</source>
        <translation>%1은(는) 중첩된 인덱스를 가리킵니다. Wharf는 중첩 인덱스를 맵에 표시하지 않습니다</translation>
    </message>
    <message>
        <source>fetching the image config</source>
        <translation>Image config 가져오기</translation>
    </message>
    <message>
        <source>the image config</source>
        <translation>Image config</translation>
    </message>
    <message>
        <source>%1 is a single-platform image for %2, not %3</source>
        <translation>%1은(는) %3용이 아니라 %2용 단일 플랫폼 Image입니다</translation>
    </message>
    <message numerus="yes">
        <source>%1 +%n more</source>
        <translation>
            <numerusform>%1 외 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a Docker schema 1 image, whose manifest records no layer sizes: the map leaves it out (the Image pane lists its layers)</source>
        <translation>%1은(는) manifest에 Layer 크기가 기록되지 않는 Docker schema 1 Image라서 맵에서 뺐습니다(Layer는 Image 창에 나옵니다)</translation>
    </message>
</context>
<context>
    <name>wharf::LayerMapPane</name>
    <message>
        <source>Filter tags</source>
        <translation>태그 필터</translation>
    </message>
    <message>
        <source>Tick the tags whose images the map compares.</source>
        <translation>맵에서 Image를 비교할 태그를 체크하세요.</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>모든 플랫폼</translation>
    </message>
    <message>
        <source>Map every platform of each tag, or only one.</source>
        <translation>태그마다 모든 플랫폼을 맵에 표시하거나 한 플랫폼만 표시합니다.</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>플랫폼(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Tags to compare:</source>
        <translation>비교할 태그(&amp;T):</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>As PNG Image…</source>
        <translation>PNG Image로…</translation>
    </message>
    <message>
        <source>As SVG Drawing…</source>
        <translation>SVG 그림으로…</translation>
    </message>
    <message>
        <source>Pick a repository to see how its images share layers.</source>
        <translation>리포지토리를 고르면 Image들이 Layer를 어떻게 공유하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Tick one or more tags on the left to map their layers.</source>
        <translation>왼쪽에서 태그를 하나 이상 체크하면 Layer 맵을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Fetching manifests and configs… (%1 of %2)</source>
        <translation>manifest와 config를 가져오는 중… (%2개 중 %1개)</translation>
    </message>
    <message>
        <source>Fetching manifests and configs…</source>
        <translation>manifest와 config를 가져오는 중…</translation>
    </message>
    <message>
        <source>The layer map could not be built</source>
        <translation>Layer 맵을 만들 수 없습니다</translation>
    </message>
    <message>
        <source>The chosen images have no layers to map.</source>
        <translation>선택한 Image에 맵에 표시할 Layer가 없습니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is what could not be mapped (a tag or tag and platform), %2 the reason</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not on the map: %1</source>
        <translation>맵에 없음: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>Image %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in all, %2 shared</source>
        <translation>전체 %1, 공유 %2</translation>
    </message>
    <message>
        <source>Export the Layer Map</source>
        <translation>Layer 맵 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG Image (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>the zoom level in percent</extracomment>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>wharf::LayerMapScene</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>외 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer %1 from the base, %2 (%3 bytes) compressed</source>
        <translation>베이스부터 %1번째 Layer, 압축 크기 %2(%3바이트)</translation>
    </message>
    <message>
        <source>Created by: %1</source>
        <translation>생성 명령: %1</translation>
    </message>
    <message numerus="yes">
        <source>Used by every image (%n):</source>
        <translation>
            <numerusform>모든 Image에서 사용(%n개):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used by %n image(s):</source>
        <translation>
            <numerusform>Image %n개에서 사용:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 own · %2 shared</source>
        <translation>고유 %1 · 공유 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), %1 in all</source>
        <translation>
            <numerusform>Layer %n개, 전체 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only in this image: %1 (%n layer(s))</source>
        <translation>
            <numerusform>이 Image에만 있음: %1 (Layer %n개)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared with other images: %1 (%n layer(s))</source>
        <translation>
            <numerusform>다른 Image와 공유: %1 (Layer %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>태그: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>Image %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer blob(s), %1 shared</source>
        <translation>
            <numerusform>Layer blob %n개, 공유 %1개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in all, %2 of it shared</source>
        <translation>전체 %1, 그중 공유 %2</translation>
    </message>
    <message>
        <source>Used by:</source>
        <translation>사용하는 Image:</translation>
    </message>
    <message>
        <source>every image</source>
        <translation>모든 Image</translation>
    </message>
    <message>
        <source>some images (one colour per set)</source>
        <translation>일부 Image(조합마다 한 가지 색)</translation>
    </message>
    <message>
        <source>one image (its label’s colour)</source>
        <translation>Image 하나(레이블 색)</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>크기:</translation>
    </message>
    <message>
        <source>thicker: more images</source>
        <translation>굵을수록 Image가 많음</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>선:</translation>
    </message>
    <message numerus="yes">
        <source>This blob also appears in %n other place(s) of the map, on top of different layers.</source>
        <translation>
            <numerusform>이 blob은 맵의 다른 %n곳에서도 다른 Layer 위에 놓여 있습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::LayerMapView</name>
    <message>
        <source>The layer map could not be saved as %1: %2</source>
        <translation>Layer 맵을 %1에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Fit to View</source>
        <translation>화면에 맞추기</translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation>실제 크기</translation>
    </message>
    <message>
        <source>the map is empty</source>
        <translation>맵이 비어 있습니다</translation>
    </message>
    <message>
        <source>Layer map</source>
        <translation>Layer 맵</translation>
    </message>
    <message>
        <source>Layer map of %1</source>
        <translation>%1의 Layer 맵</translation>
    </message>
    <message>
        <source>Drawn by Wharf</source>
        <translation>Wharf로 그림</translation>
    </message>
    <message>
        <source>the SVG could not be started</source>
        <translation>SVG 그리기를 시작할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::LayerPanes</name>
    <message>
        <source>No layer chosen</source>
        <translation>선택한 Layer 없음</translation>
    </message>
    <message>
        <source>That layer belongs to an image other than the one in view: pick its tag and platform to see its files.</source>
        <translation>그 Layer는 지금 보고 있는 Image가 아닌 다른 Image의 Layer입니다. 파일을 보려면 해당 태그와 플랫폼을 고르세요.</translation>
    </message>
    <message>
        <source>Extracting %1: downloading its layer, %2 of %3…</source>
        <translation>%1 추출 중: Layer 다운로드 중, %3 중 %2…</translation>
    </message>
    <message>
        <source>Cancelled extracting %1</source>
        <translation>%1 추출을 취소했습니다</translation>
    </message>
    <message>
        <source>Could not extract %1: %2</source>
        <translation>%1 추출 실패: %2</translation>
    </message>
    <message>
        <source>Extracted %1</source>
        <translation>추출 완료: %1</translation>
    </message>
    <message>
        <source>Extracting %1…</source>
        <translation>%1 추출 중…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a side of Compare: a tag and the container engine that holds it, e.g. &quot;latest (Docker)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The image in view could not be looked up</source>
        <translation>보고 있는 Image를 조회할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 · %4</source>
        <extracomment>a layer in the Files pane&apos;s layer box: its number, of how many, its short digest and size</extracomment>
        <translation>%2개 중 %1번째 · %3 · %4</translation>
    </message>
    <message>
        <source>Show &amp;Files</source>
        <translation>파일 보기(&amp;F)</translation>
    </message>
    <message>
        <source>Copy &amp;Digest</source>
        <translation>Digest 복사(&amp;D)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 복사됨</translation>
    </message>
    <message>
        <source>This step made no layer.</source>
        <translation>이 단계는 Layer를 만들지 않았습니다.</translation>
    </message>
    <message>
        <source>(no build step recorded)</source>
        <translation>(기록된 빌드 단계 없음)</translation>
    </message>
    <message>
        <source>%1 cannot be extracted from an image in a container engine: open the registry&apos;s image of it, or pull it into the local store.</source>
        <translation>컨테이너 엔진에 있는 Image에서는 %1을(를) 추출할 수 없습니다. 레지스트리의 Image를 열거나 로컬 저장소로 가져오세요.</translation>
    </message>
</context>
<context>
    <name>wharf::LayerStackJob</name>
    <message>
        <source>listing layer %1</source>
        <translation>Layer %1 파일 목록 읽기</translation>
    </message>
</context>
<context>
    <name>wharf::LocalImagesModel</name>
    <message>
        <source>unknown</source>
        <extracomment>the size of an image whose manifest cannot be read</extracomment>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Shared</source>
        <extracomment>layer bytes other stored images use too</extracomment>
        <translation>공유</translation>
    </message>
    <message>
        <source>Unique</source>
        <extracomment>layer bytes only this image uses: what removing it frees</extracomment>
        <translation>고유</translation>
    </message>
    <message>
        <source>Pulled</source>
        <translation>가져온 시각</translation>
    </message>
    <message>
        <source>Deleting it frees %1: the layers no other stored image uses, its manifest and its config</source>
        <extracomment>%1: a size; what deleting the image from the local store frees on disk</extracomment>
        <translation>삭제하면 %1이(가) 확보됩니다: 저장된 다른 Image가 쓰지 않는 Layer와 manifest, config</translation>
    </message>
</context>
<context>
    <name>wharf::LocalImagesPane</name>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>The local store could not be read: %1</source>
        <translation>로컬 저장소를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Reading the local store…</source>
        <translation>로컬 저장소를 읽는 중…</translation>
    </message>
    <message>
        <source>No images in the local store yet. Pulled images appear here.</source>
        <translation>로컬 저장소에 아직 Image가 없습니다. 가져온 Image가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>폴더에서 보기</translation>
    </message>
    <message>
        <source>Write the image to a docker-archive or oci-archive tar file</source>
        <translation>Image를 docker-archive 또는 oci-archive tar 파일로 씁니다</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Delete the image from the local store, with the layers no other stored image uses (Delete)</source>
        <translation>로컬 저장소에서 Image를 삭제하고, 저장된 다른 Image가 쓰지 않는 Layer도 함께 삭제합니다 (Delete)</translation>
    </message>
    <message>
        <source>Show the store&apos;s folder in the file manager, its index.json (the list of stored images) selected</source>
        <translation>파일 관리자에서 저장소 폴더를 보여 주고 index.json(저장된 Image 목록)을 선택합니다</translation>
    </message>
    <message>
        <source>Delete what no stored image uses: layers left by images deleted elsewhere (“wharf rm”), by other tools, or by pulls that were given up</source>
        <translation>저장된 어떤 Image도 쓰지 않는 것을 삭제합니다: 다른 곳에서 삭제한 Image(“wharf rm”), 다른 도구, 중단한 가져오기가 남긴 Layer</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>폴더에서 보기(&amp;F)</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>경로 복사(&amp;P)</translation>
    </message>
    <message>
        <source>Copy &amp;Reference</source>
        <translation>참조 복사(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>삭제(&amp;D)…</translation>
    </message>
    <message>
        <source>Clean Up (%1)</source>
        <extracomment>%1: a size, e.g. &quot;41 MiB&quot;: what garbage collection of the local store frees</extracomment>
        <translation>정리 (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Delete Image</source>
        <translation>Image 삭제</translation>
    </message>
    <message>
        <source>Delete %1 from the local store?</source>
        <translation>로컬 저장소에서 %1을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>This frees %1: the layers no other stored image uses, its manifest and its config. Layers other images use stay.</source>
        <translation>%1이(가) 확보됩니다: 저장된 다른 Image가 쓰지 않는 Layer와 manifest, config입니다. 다른 Image가 쓰는 Layer는 남습니다.</translation>
    </message>
    <message>
        <source>This frees next to nothing: other stored images use every one of its layers.</source>
        <translation>확보되는 공간이 거의 없습니다: 저장된 다른 Image가 이 Image의 Layer를 모두 씁니다.</translation>
    </message>
    <message>
        <source>Wharf store</source>
        <translation>Wharf 저장소</translation>
    </message>
    <message>
        <source>The images Wharf pulled into its local store</source>
        <translation>Wharf가 로컬 저장소로 가져온 Image</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <extracomment>%1: Docker or Podman</extracomment>
        <translation>%1에 묻는 중…</translation>
    </message>
</context>
<context>
    <name>wharf::LoginDialog</name>
    <message>
        <source>Log In to a Registry</source>
        <translation>레지스트리에 로그인</translation>
    </message>
    <message>
        <source>docker.io, ghcr.io, localhost:5000, …</source>
        <translation>예: docker.io, ghcr.io, localhost:5000, …</translation>
    </message>
    <message>
        <source>&amp;Registry:</source>
        <translation>레지스트리(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>사용자(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password or access token:</source>
        <translation>비밀번호 또는 액세스 토큰(&amp;P):</translation>
    </message>
    <message>
        <source>“%1” is not a registry host.</source>
        <translation>“%1”은(는) 레지스트리 호스트가 아닙니다.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인하는 중…</translation>
    </message>
    <message>
        <source>Saving to the system keychain…</source>
        <translation>시스템 키체인에 저장하는 중…</translation>
    </message>
    <message>
        <source>No system keychain is available; Wharf will use this login until you quit.</source>
        <translation>사용할 수 있는 시스템 키체인이 없습니다. Wharf를 종료할 때까지만 이 로그인을 사용합니다.</translation>
    </message>
    <message>
        <source>Looking for a system keychain…</source>
        <translation>시스템 키체인을 찾는 중…</translation>
    </message>
    <message>
        <source>No keychain on this machine: the login lasts until Wharf closes, and is never written to a file.</source>
        <translation>이 컴퓨터에는 키체인이 없습니다. 로그인은 Wharf를 닫을 때까지만 유지되며 파일에 기록되지 않습니다.</translation>
    </message>
    <message>
        <source>Saved in your system keychain: the password is kept there, never in a file.</source>
        <translation>시스템 키체인에 저장됩니다. 비밀번호는 파일이 아니라 키체인에만 보관됩니다.</translation>
    </message>
    <message>
        <source>Saved in your keychain (%1): the password is kept there, never in a file.</source>
        <translation>키체인(%1)에 저장됩니다. 비밀번호는 파일이 아니라 키체인에만 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>wharf::LoginJob</name>
    <message>
        <source>there is no keychain to keep the login in</source>
        <translation>로그인을 보관할 키체인이 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::MainWindow</name>
    <message>
        <source>Wharf</source>
        <translation>Wharf</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>리포지토리</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Pulls</source>
        <translation>가져오기 목록</translation>
    </message>
    <message>
        <source>Local images</source>
        <translation>로컬 Image</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 복사됨</translation>
    </message>
    <message>
        <source>Logging in is not available in this window.</source>
        <translation>이 창에서는 로그인할 수 없습니다.</translation>
    </message>
    <message>
        <source>Logged in to %1</source>
        <translation>%1에 로그인했습니다</translation>
    </message>
    <message>
        <source>Logged in to %1 for this session only</source>
        <translation>%1에 로그인했습니다(이번 실행 동안만)</translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation>로그인(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Copy Digest or Reference</source>
        <translation>Digest 또는 참조 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>Settings saved. The new language is used the next time Wharf starts.</source>
        <translation>설정을 저장했습니다. 새 언어는 Wharf를 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>설정을 저장했습니다.</translation>
    </message>
    <message>
        <source>no store is set for this window</source>
        <translation>이 창에 설정된 저장소가 없습니다</translation>
    </message>
    <message>
        <source>Layer map</source>
        <translation>Layer 맵</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>효율</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Signed in to Docker Hub as %1</source>
        <translation>%1(으)로 Docker Hub에 로그인했습니다</translation>
    </message>
    <message>
        <source>Log in to docker.io first (File → Log In…) to see your repositories.</source>
        <translation>내 리포지토리를 보려면 먼저 docker.io에 로그인하세요(파일 → 로그인…).</translation>
    </message>
    <message>
        <source>Docker Hub repositories of %1</source>
        <translation>%1의 Docker Hub 리포지토리</translation>
    </message>
    <message>
        <source>&amp;Start Page</source>
        <translation>시작 페이지(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation>다음 창(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Pane</source>
        <translation>이전 창(&amp;P)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a reference and its platform</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation>로그아웃(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <source>Wharf &amp;README</source>
        <translation>Wharf README(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Wharf</source>
        <translation>Wharf 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Refreshing %1…</source>
        <translation>%1을(를) 새로 고치는 중…</translation>
    </message>
    <message>
        <source>Looking for saved logins…</source>
        <translation>저장된 로그인을 찾는 중…</translation>
    </message>
    <message>
        <source>No saved logins</source>
        <translation>저장된 로그인 없음</translation>
    </message>
    <message>
        <source>%1 as %2 (saved in the keychain)</source>
        <translation>%1 - %2 (키체인에 저장됨)</translation>
    </message>
    <message>
        <source>%1 as %2 (this session only)</source>
        <translation>%1 - %2 (이번 실행 동안만)</translation>
    </message>
    <message>
        <source>Could not log out of %1: %2</source>
        <translation>%1에서 로그아웃하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Logged out of %1: its login is removed from the keychain.</source>
        <translation>%1에서 로그아웃했습니다. 키체인에서 로그인을 지웠습니다.</translation>
    </message>
    <message>
        <source>Logged out of %1: this session’s login is forgotten.</source>
        <translation>%1에서 로그아웃했습니다. 이번 실행의 로그인을 잊었습니다.</translation>
    </message>
    <message>
        <source>Wharf kept no login for %1.</source>
        <translation>Wharf에 저장된 %1의 로그인이 없습니다.</translation>
    </message>
    <message>
        <source>An untagged image: it has no repository or tags to show.</source>
        <translation>태그 없는 Image입니다. 보여 줄 리포지토리나 태그가 없습니다.</translation>
    </message>
</context>
<context>
    <name>wharf::ManifestJob</name>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>manifest %1</source>
        <translation>manifest %1</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>태그 %1</translation>
    </message>
    <message>
        <source>%1/%2:%3</source>
        <translation>%1/%2:%3</translation>
    </message>
    <message>
        <source>manifest from %1</source>
        <translation>%1에서 받은 manifest</translation>
    </message>
    <message>
        <source>Docker-Content-Digest from %1</source>
        <translation>%1에서 받은 Docker-Content-Digest</translation>
    </message>
</context>
<context>
    <name>wharf::PagedListJob</name>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>the tag list</source>
        <translation>태그 목록</translation>
    </message>
    <message>
        <source>the repository catalog</source>
        <translation>리포지토리 카탈로그</translation>
    </message>
    <message>
        <source>%1 does not let Wharf list its repositories (no catalog access); name a repository instead</source>
        <translation>%1에서 리포지토리 목록을 볼 수 없습니다(카탈로그 접근 불가). 대신 리포지토리 이름을 지정하세요</translation>
    </message>
    <message>
        <source>%1 sent a malformed %2</source>
        <translation>%1에서 받은 %2의 형식이 잘못되었습니다</translation>
    </message>
    <message numerus="yes">
        <source>%1&apos;s %2 went in circles; the list ends after %n name(s)</source>
        <translation>
            <numerusform>%1의 %2 페이지가 같은 곳을 맴돕니다. 목록은 이름 %n개에서 끝납니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 linked to more than %2 pages; the list ends after %n name(s)</source>
        <translation>
            <numerusform>%1이(가) %2페이지보다 많이 이어집니다. 목록은 이름 %n개에서 끝납니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::Platform</name>
    <message>
        <source>“%1” is not a valid platform: %2</source>
        <translation>“%1”은(는) 올바른 플랫폼이 아닙니다: %2</translation>
    </message>
    <message>
        <source>wildcards are not supported</source>
        <translation>와일드카드는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>expected os[(version)]/architecture[/variant], such as linux/arm64</source>
        <translation>os[(version)]/architecture[/variant] 형식이어야 합니다(예: linux/arm64)</translation>
    </message>
    <message>
        <source>the OS version is not correctly escaped</source>
        <translation>OS 버전이 올바르게 이스케이프되지 않았습니다</translation>
    </message>
    <message>
        <source>an OS feature is not correctly escaped</source>
        <translation>OS feature 값이 올바르게 이스케이프되지 않았습니다</translation>
    </message>
    <message>
        <source>unknown operating system or architecture</source>
        <translation>알 수 없는 운영체제 또는 아키텍처</translation>
    </message>
    <message>
        <source>too many parts; expected os/architecture[/variant]</source>
        <translation>구성 요소가 너무 많습니다. os/architecture[/variant] 형식이어야 합니다</translation>
    </message>
</context>
<context>
    <name>wharf::PlatformModel</name>
    <message>
        <source>The manifest of this platform is not known, and there is no registry to ask.</source>
        <translation>이 플랫폼의 manifest를 알 수 없고, 조회할 레지스트리도 없습니다.</translation>
    </message>
    <message>
        <source>This platform&apos;s manifest is a nested index, which Wharf does not pull.</source>
        <translation>이 플랫폼의 manifest는 중첩된 인덱스라서 Wharf가 가져오지 않습니다.</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Attestations</source>
        <translation>Attestation</translation>
    </message>
    <message>
        <source>unknown platform</source>
        <translation>알 수 없는 플랫폼</translation>
    </message>
    <message>
        <source>Working out what a pull would fetch…</source>
        <translation>가져올 항목을 계산하는 중…</translation>
    </message>
    <message>
        <source>Pull size unknown</source>
        <translation>가져올 크기를 알 수 없음</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>OS 버전</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>the compressed size of a platform&apos;s layers, which a Docker schema 1 manifest does not record
----------
the pull size in the Platforms table when it could not be worked out</extracomment>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>the pull size in the Platforms table when every layer is in the store</extracomment>
        <translation>없음</translation>
    </message>
    <message>
        <source>To fetch</source>
        <extracomment>column header: the bytes a pull of the platform would download</extracomment>
        <translation>가져올 크기</translation>
    </message>
    <message>
        <source>This image is in Docker’s deprecated schema 1 format, which Wharf shows but does not pull.</source>
        <translation>이 Image는 Docker가 더 이상 쓰지 않는 schema 1 형식이라서 Wharf가 보여 주기만 하고 가져오지는 않습니다.</translation>
    </message>
    <message>
        <source>—</source>
        <extracomment>the size of a platform image not known yet (its manifest has not been fetched)</extracomment>
        <translation>—</translation>
    </message>
    <message>
        <source>Manifest %1 (%2)</source>
        <extracomment>%1 is a platform manifest&apos;s digest, %2 the manifest document&apos;s own size</extracomment>
        <translation>manifest %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 compressed, in %n layer(s)</source>
        <extracomment>%1 is a size, %n the number of layers</extracomment>
        <translation>
            <numerusform>압축 시 %1, Layer %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>The image’s size as Docker Hub reports it. Select the platform to read its manifest (one request).</source>
        <translation>Docker Hub가 알려 준 Image 크기입니다. 플랫폼을 선택하면 manifest를 읽습니다(요청 1회).</translation>
    </message>
    <message>
        <source>Not known until this platform’s manifest is read: select the platform (one manifest request).</source>
        <translation>이 플랫폼의 manifest를 읽기 전에는 알 수 없습니다. 플랫폼을 선택하십시오(manifest 요청 1회).</translation>
    </message>
    <message>
        <source>Select the platform to count what a pull would fetch: its manifest costs one request, which Docker Hub counts against the pull limit.</source>
        <translation>플랫폼을 선택하면 가져올 크기를 계산합니다. manifest 요청이 1회 필요하며, Docker Hub는 이를 가져오기 한도에 포함합니다.</translation>
    </message>
    <message>
        <source>Provenance/SBOM</source>
        <extracomment>what a build attestation manifest (buildkit) carries: SLSA provenance and, when asked for, an SBOM</extracomment>
        <translation>Provenance/SBOM</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <extracomment>an attestation row: &quot;Provenance/SBOM for linux/amd64&quot;</extracomment>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>How %1 was built, as its builder attests (SLSA provenance, and an SBOM when the build made one), signed into the attestation manifest %2 (%3). Wharf lists it; it does not pull it.</source>
        <extracomment>%1 is a platform (linux/amd64) or a digest, %2 a manifest digest, %3 its size</extracomment>
        <translation>빌더가 증명하는 %1의 빌드 방식(SLSA provenance, 그리고 빌드에서 만든 경우 SBOM)으로, attestation manifest %2 (%3)에 담겨 있습니다. Wharf는 목록에 보여 주기만 하고 가져오지는 않습니다.</translation>
    </message>
    <message>
        <source>the image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <extracomment>the pull size in the Platforms table before the manifest is read: at most the image&apos;s size</extracomment>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>select to count</source>
        <extracomment>the pull size in the Platforms table before the manifest is read</extracomment>
        <translation>선택하면 계산</translation>
    </message>
    <message>
        <source>pulled ✓</source>
        <extracomment>the pull size in the Platforms table when this very image is in the store</extracomment>
        <translation>가져옴 ✓</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to fetch: pulled, this image and its %n layer(s) are in the local store</source>
        <extracomment>%n is a number of layers</extracomment>
        <translation>
            <numerusform>가져올 것 없음: 가져온 Image이며, Image와 Layer %n개가 로컬 저장소에 있음</numerusform>
        </translation>
    </message>
    <message>
        <source>Image size</source>
        <extracomment>column header: the platform image&apos;s compressed size (its layers)</extracomment>
        <translation>Image 크기</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to fetch: %1 of %n layer(s) already here, the others downloaded when their files were listed</source>
        <extracomment>%1 and %2 are numbers of layers</extracomment>
        <translation>
            <numerusform>가져올 것 없음: Layer %n개 중 %1개는 이미 있음, 나머지는 파일 목록을 볼 때 다운로드됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to fetch, %2 of %n layer(s) already here, %3 downloaded when their files were listed</source>
        <extracomment>%1 is a size (12.3 MB), %2, %n and %3 numbers of layers</extracomment>
        <translation>
            <numerusform>가져올 크기 %1, Layer %n개 중 %2개는 이미 있음, %3개는 파일 목록을 볼 때 다운로드됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to fetch: the %n layer(s) are already here</source>
        <translation>
            <numerusform>가져올 것 없음: Layer %n개가 모두 이미 있음</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to fetch, %2 of %n layer(s) already here, %3 kept from a stopped pull</source>
        <extracomment>%1 is a size (12.3 MB), %2 and %n numbers of layers, %3 a size: what a stopped pull already downloaded</extracomment>
        <translation>
            <numerusform>가져올 크기 %1, Layer %n개 중 %2개는 이미 있음, 중단된 가져오기에서 %3 보관됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to fetch, %2 of %n layer(s) already here</source>
        <extracomment>%1 is a size (12.3 MB), %2 and %n numbers of layers</extracomment>
        <translation>
            <numerusform>가져올 크기 %1, Layer %n개 중 %2개는 이미 있음</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::PlatformsPane</name>
    <message>
        <source>Pull</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Pull the selected platform into the local store (Enter)</source>
        <translation>선택한 플랫폼을 로컬 저장소로 가져옵니다 (Enter)</translation>
    </message>
    <message>
        <source>Pick a tag to see its platforms.</source>
        <translation>태그를 고르면 플랫폼을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Resolving the tag’s platforms…</source>
        <translation>태그의 플랫폼을 확인하는 중…</translation>
    </message>
    <message>
        <source>This tag offers no platforms.</source>
        <translation>이 태그에는 플랫폼이 없습니다.</translation>
    </message>
    <message>
        <source>A single-platform image</source>
        <translation>단일 플랫폼 Image</translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation>인덱스 %1</translation>
    </message>
    <message>
        <source>Select a platform to pull it.</source>
        <translation>가져올 플랫폼을 선택하십시오.</translation>
    </message>
    <message>
        <source>Working out what the pull needs…</source>
        <translation>가져오기에 필요한 양을 계산하는 중…</translation>
    </message>
    <message>
        <source>Cost unknown: %1</source>
        <translation>필요한 양을 알 수 없음: %1</translation>
    </message>
    <message>
        <source>The tag could not be resolved</source>
        <translation>태그를 확인할 수 없습니다</translation>
    </message>
    <message>
        <source>Copy Digest</source>
        <translation>Digest 복사</translation>
    </message>
    <message>
        <source>Pulled ✓</source>
        <extracomment>the Pull button when the pull goes on into Docker or Podman: &quot;Pull into Docker&quot;</extracomment>
        <translation>가져옴 ✓</translation>
    </message>
    <message>
        <source>This platform of the tag is in the local store already</source>
        <translation>태그의 이 플랫폼은 이미 로컬 저장소에 있습니다</translation>
    </message>
    <message>
        <source>Pull &amp;to:</source>
        <extracomment>before a choice of where Pull sends an image: &quot;Pull to: [Wharf store ▾]&quot;</extracomment>
        <translation>가져올 곳(&amp;T):</translation>
    </message>
    <message>
        <source>Wharf store</source>
        <extracomment>the local OCI store as a pull target, beside Docker and Podman</extracomment>
        <translation>Wharf 저장소</translation>
    </message>
    <message>
        <source>Wharf&apos;s own OCI store, for skopeo, umoci and podman (oci:)</source>
        <translation>Wharf의 OCI 저장소 (skopeo, umoci, podman의 oci:로 읽을 수 있음)</translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation>%1 (사용할 수 없음)</translation>
    </message>
    <message>
        <source>Pull into %1</source>
        <translation>%1(으)로 가져오기</translation>
    </message>
    <message>
        <source>Pull the selected platform through the local store into %1 (Enter)</source>
        <translation>선택한 플랫폼을 로컬 저장소를 거쳐 %1(으)로 가져옵니다 (Enter)</translation>
    </message>
    <message>
        <source>Looking for %1…</source>
        <translation>%1을(를) 찾는 중…</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1을(를) 사용할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>wharf::PodmanCli</name>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>podman load stopped reading the image</source>
        <translation>podman load가 Image 읽기를 멈췄습니다</translation>
    </message>
    <message>
        <source>Podman has no %1 (%2)</source>
        <extracomment>%1 an image name, %2 podman&apos;s message</extracomment>
        <translation>Podman에 %1이(가) 없습니다 (%2)</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2): %3</source>
        <extracomment>%1 the podman command (podman load), %2 its exit code, %3 its message</extracomment>
        <translation>%1 실패 (종료 코드 %2): %3</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <extracomment>%1 the podman program&apos;s path, %2 the system&apos;s reason</extracomment>
        <translation>%1을(를) 실행할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>podman wrote more than %1 bytes</source>
        <translation>podman이 %1바이트보다 많이 출력했습니다</translation>
    </message>
    <message>
        <source>podman image inspect described %1 without an ID</source>
        <translation>“podman inspect”가 %1을(를) ID 없이 설명했습니다</translation>
    </message>
    <message>
        <source>Podman refused the image: %1</source>
        <extracomment>%1 podman&apos;s own words</extracomment>
        <translation>Podman이 Image를 거부했습니다: %1</translation>
    </message>
</context>
<context>
    <name>wharf::ProgressDelegate</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Nothing to fetch</source>
        <translation>가져올 것 없음</translation>
    </message>
</context>
<context>
    <name>wharf::PullJob</name>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Layer %1</translation>
    </message>
    <message>
        <source>writing layer %1</source>
        <translation>Layer %1 쓰기</translation>
    </message>
    <message>
        <source>storing the image config</source>
        <translation>Image config 저장</translation>
    </message>
    <message>
        <source>storing the manifest</source>
        <translation>manifest 저장</translation>
    </message>
    <message>
        <source>%1 is a Docker schema 1 image (%2), a format Docker has deprecated: Wharf can inspect it but not pull it; pull a newer tag, or convert it with “skopeo copy --format v2s2”</source>
        <translation>%1은(는) Docker가 더 이상 쓰지 않는 형식인 Docker schema 1 Image(%2)입니다. Wharf는 살펴볼 수는 있지만 가져올 수는 없으니 더 새로운 태그를 가져오거나 “skopeo copy --format v2s2”로 변환하세요</translation>
    </message>
    <message>
        <source>the pull was stopped</source>
        <translation>가져오기가 중지되었습니다</translation>
    </message>
</context>
<context>
    <name>wharf::PullListModel</name>
    <message>
        <source>The pull could not be started.</source>
        <translation>가져오기를 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation>확인 중</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>다운로드 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>the image&apos;s bytes in the store of all its bytes: &quot;3.1 MB of 12.3 MB&quot;</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>a transfer rate: &quot;1.2 MB/s&quot;</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>time left, in seconds</extracomment>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <extracomment>time left: minutes and seconds</extracomment>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>time left: hours and minutes</extracomment>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>이미 있음</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>This run fetched %1 of %2; the rest of the image was already here</source>
        <extracomment>%1 and %2 are sizes: what this run of a pull downloaded, and what it had to</extracomment>
        <translation>이번 실행에서 %2 중 %1을(를) 받았습니다. Image의 나머지는 이미 있었습니다</translation>
    </message>
    <message>
        <source>The average rate of the download</source>
        <translation>다운로드 평균 속도</translation>
    </message>
    <message>
        <source>Nothing to fetch: all %1 here</source>
        <extracomment>every layer of the image was in the store already: &quot;Nothing to fetch: all 12.3 MB here&quot;</extracomment>
        <translation>가져올 것 없음: %1 모두 있음</translation>
    </message>
    <message>
        <source>avg %1/s</source>
        <extracomment>the average transfer rate of a finished pull: &quot;avg 1.2 MB/s&quot;</extracomment>
        <translation>평균 %1/s</translation>
    </message>
    <message>
        <source>The load into %1 was stopped; the engine keeps nothing of it, Wharf&apos;s store keeps the image</source>
        <extracomment>%1 Docker or Podman</extracomment>
        <translation>%1(으)로 로드를 중지했습니다. 엔진에는 아무것도 남지 않고, Image는 Wharf 저장소에 남아 있습니다</translation>
    </message>
    <message>
        <source>The image is in Wharf&apos;s store and is now streamed into %1</source>
        <extracomment>%1 Docker or Podman</extracomment>
        <translation>Image가 Wharf 저장소에 있으며 지금 %1(으)로 보내는 중입니다</translation>
    </message>
    <message>
        <source>%1 is unpacking the layers</source>
        <extracomment>the archive was sent; the engine unpacks its layers. %1 Docker or Podman</extracomment>
        <translation>%1이(가) Layer를 푸는 중</translation>
    </message>
    <message>
        <source>Sent %1 of %2 to %3</source>
        <extracomment>&quot;Sent 120 MB of 400 MB to Docker&quot;</extracomment>
        <translation>%3(으)로 %2 중 %1 보냄</translation>
    </message>
    <message>
        <source>Sent %1 to %2</source>
        <translation>%2(으)로 %1 보냄</translation>
    </message>
    <message>
        <source>Loading into %1</source>
        <extracomment>%1 Docker or Podman</extracomment>
        <translation>%1(으)로 로드 중</translation>
    </message>
    <message>
        <source>In %1</source>
        <extracomment>%1 Docker or Podman</extracomment>
        <translation>%1에 있음</translation>
    </message>
</context>
<context>
    <name>wharf::PullMeter</name>
    <message numerus="yes">
        <source>Pulled %1: it used %n of your Docker Hub pulls (%2 left).</source>
        <translation>
            <numerusform>%1 가져오기 완료: Docker Hub 가져오기 횟수 %n회를 사용했습니다(남은 횟수 %2회).</numerusform>
        </translation>
    </message>
    <message>
        <source>Docker Hub does not limit your pulls: that pull cost nothing.</source>
        <translation>Docker Hub가 가져오기 횟수를 제한하지 않습니다. 이번 가져오기는 횟수를 쓰지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>wharf::PullsPane</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>끝난 항목 지우기</translation>
    </message>
    <message>
        <source>No pulls yet. Pick a platform and press Pull.</source>
        <translation>아직 가져오기가 없습니다. 플랫폼을 고르고 가져오기를 누르십시오.</translation>
    </message>
    <message>
        <source>Stop the selected pull; the layers fetched so far stay for the next try</source>
        <translation>선택한 가져오기를 중단합니다. 지금까지 받은 Layer는 다음 시도를 위해 남겨 둡니다</translation>
    </message>
    <message>
        <source>Pull the selected image again, resuming where it stopped</source>
        <translation>선택한 Image를 중단된 지점부터 이어서 다시 가져옵니다</translation>
    </message>
    <message>
        <source>Offline: a pull stopped because its registry cannot be reached. Select it and press Retry when the network is back; the layers already fetched are kept.</source>
        <translation>오프라인: 레지스트리에 연결할 수 없어 가져오기가 중단되었습니다. 네트워크가 복구되면 해당 항목을 선택하고 다시 시도를 누르세요. 이미 받은 Layer는 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>wharf::RateLimitIndicator</name>
    <message>
        <source>%1 h</source>
        <extracomment>hours, abbreviated</extracomment>
        <translation>%1시간</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>minutes, abbreviated</extracomment>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>seconds, abbreviated</extracomment>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Docker Hub pulls: not checked yet</source>
        <translation>Docker Hub pull: 아직 확인 안 함</translation>
    </message>
    <message>
        <source>Click to ask Docker Hub how many pulls are left.</source>
        <translation>클릭하면 Docker Hub에 남은 pull 횟수를 확인합니다.</translation>
    </message>
    <message>
        <source>Checking Docker Hub’s pull limit…</source>
        <translation>Docker Hub pull 한도를 확인하는 중…</translation>
    </message>
    <message>
        <source>Docker Hub pulls: checking…</source>
        <translation>Docker Hub pull: 확인하는 중…</translation>
    </message>
    <message>
        <source>Docker Hub pulls: %1 of %2 left</source>
        <translation>Docker Hub pull: %2회 중 %1회 남음</translation>
    </message>
    <message>
        <source>Docker Hub pulls: %1 left</source>
        <translation>Docker Hub pull: %1회 남음</translation>
    </message>
    <message>
        <source>Docker Hub pulls: limit %1</source>
        <translation>Docker Hub pull: 한도 %1회</translation>
    </message>
    <message>
        <source>Counted for: %1</source>
        <translation>집계 대상: %1</translation>
    </message>
    <message>
        <source>Checked %1. Click to check again.</source>
        <translation>%1에 확인했습니다. 클릭하면 다시 확인합니다.</translation>
    </message>
    <message>
        <source>Docker Hub pulls: no limit reported</source>
        <translation>Docker Hub pull: 보고된 한도 없음</translation>
    </message>
    <message>
        <source>Docker Hub sent no rate-limit headers: this address or account is not limited (or a paid plan applies). Click to check again.</source>
        <translation>Docker Hub에서 rate-limit 헤더를 보내지 않았습니다. 이 주소나 계정에는 한도가 없습니다(또는 유료 요금제가 적용됩니다). 클릭하면 다시 확인합니다.</translation>
    </message>
    <message>
        <source>Docker Hub pulls: unknown (offline)</source>
        <translation>Docker Hub pull: 알 수 없음(오프라인)</translation>
    </message>
    <message>
        <source>Docker Hub pulls: unknown</source>
        <translation>Docker Hub pull: 알 수 없음</translation>
    </message>
    <message>
        <source>The pull limit could not be checked: %1
Click to try again.</source>
        <translation>pull 한도를 확인할 수 없습니다: %1
클릭하면 다시 시도합니다.</translation>
    </message>
    <message numerus="yes">
        <source>Docker Hub allows %Ln pull(s) every %1.</source>
        <translation>
            <numerusform>Docker Hub는 %1마다 pull을 %Ln회까지 허용합니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::ReadmeDialog</name>
    <message>
        <source>Wharf README</source>
        <translation>Wharf README</translation>
    </message>
    <message>
        <source>This build of Wharf carries no README.</source>
        <translation>이 Wharf 빌드에는 README가 없습니다.</translation>
    </message>
</context>
<context>
    <name>wharf::RegistryClient</name>
    <message>
        <source>the registry API</source>
        <translation>레지스트리 API</translation>
    </message>
</context>
<context>
    <name>wharf::RegistryErrors</name>
    <message>
        <source>repository %1 not found</source>
        <translation>리포지토리 %1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>%1 not found in %2</source>
        <translation>%2에서 %1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>%1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>%1 rejected the credentials for %2; check them with “wharf login %1”</source>
        <translation>%1에서 %2의 자격 증명을 거부했습니다. “wharf login %1” 명령으로 확인하세요</translation>
    </message>
    <message>
        <source>access to %1 was refused: the repository does not exist or needs “wharf login %2”</source>
        <translation>%1에 접근할 수 없습니다. 리포지토리가 없거나 “wharf login %2” 명령으로 로그인해야 합니다</translation>
    </message>
    <message>
        <source>access to %1 is denied%2</source>
        <translation>%1에 대한 접근이 거부되었습니다%2</translation>
    </message>
    <message>
        <source>%1 refused the requested byte range</source>
        <translation>%1에서 요청한 바이트 범위를 거부했습니다</translation>
    </message>
    <message>
        <source>%1 failed with HTTP %2%3</source>
        <translation>%1에서 HTTP %2 오류가 발생했습니다%3</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 for %3%4</source>
        <translation>%1에서 %3 요청에 HTTP %2 응답을 보냈습니다%4</translation>
    </message>
    <message>
        <source>%1 is rate limiting requests%2; %3</source>
        <translation>%1에서 요청 수를 제한하고 있습니다%2. %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 refused the signed download link for %2 because it had expired (%n link(s) from %3 tried); try again later</source>
        <translation>
            <numerusform>%1에서 %2의 서명된 다운로드 링크가 만료되어 거부했습니다(%3에서 받은 링크 %n개 시도). 나중에 다시 시도하세요</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 refused the signed download link for %2 (HTTP %4, %n link(s) from %3 tried); such links expire and are good on one CDN only: try again later</source>
        <translation>
            <numerusform>%1에서 %2의 서명된 다운로드 링크를 거부했습니다(HTTP %4, %3에서 받은 링크 %n개 시도). 이런 링크는 만료되며 한 CDN에서만 유효합니다. 나중에 다시 시도하세요</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 not found at %2, where %3 sent the download</source>
        <translation>%2에서 %1을(를) 찾을 수 없습니다(%3에서 이곳으로 다운로드를 보냈습니다)</translation>
    </message>
    <message>
        <source>%1, where %2 sent the download of %3, answered HTTP %4</source>
        <translation>%1에서 HTTP %4 응답을 보냈습니다(%2에서 %3 다운로드를 이곳으로 보냈습니다)</translation>
    </message>
</context>
<context>
    <name>wharf::RegistryRequest</name>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>%1 refused anonymous access, and its credentials could not be read: %2</source>
        <translation>%1에서 익명 접근을 거부했는데, 이 레지스트리의 자격 증명을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 requires a login: run “wharf login %1”</source>
        <translation>%1에 로그인해야 합니다. “wharf login %1” 명령을 실행하세요</translation>
    </message>
    <message>
        <source>%1 sent an authentication challenge without a valid realm</source>
        <translation>%1에서 보낸 인증 요청(challenge)에 올바른 realm이 없습니다</translation>
    </message>
    <message>
        <source>getting a token from %1</source>
        <translation>%1에서 토큰 받기</translation>
    </message>
    <message>
        <source>%1 rejected the username or password for %2; check them with “wharf login %2”</source>
        <translation>%1에서 %2의 사용자 이름 또는 비밀번호를 거부했습니다. “wharf login %2” 명령으로 확인하세요</translation>
    </message>
    <message>
        <source>the token server %1 answered HTTP %2</source>
        <translation>토큰 서버(%1)에서 HTTP %2 응답을 보냈습니다</translation>
    </message>
    <message>
        <source>the token server %1 sent no token</source>
        <translation>토큰 서버(%1)가 토큰을 보내지 않았습니다</translation>
    </message>
</context>
<context>
    <name>wharf::RepositoryPane</name>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the docker pull command</source>
        <translation>docker pull 명령 복사</translation>
    </message>
    <message>
        <source>Pick a repository to see its description and tags.</source>
        <translation>리포지토리를 고르면 설명과 태그를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Loading the repository’s details…</source>
        <translation>리포지토리 정보를 불러오는 중…</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>%1 업데이트</translation>
    </message>
    <message>
        <source>This repository has no description.</source>
        <translation>이 리포지토리에는 설명이 없습니다.</translation>
    </message>
    <message>
        <source>This registry publishes no stars, pulls or description.</source>
        <translation>이 레지스트리는 별, pull 수, 설명을 제공하지 않습니다.</translation>
    </message>
    <message>
        <source>The details of %1 could not be loaded</source>
        <translation>%1의 정보를 불러올 수 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>★ %1 star(s)</source>
        <translation>
            <numerusform>★ 별 %1개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 pull(s)</source>
        <translation>
            <numerusform>pull %1회</numerusform>
        </translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>마지막 업데이트 %1</translation>
    </message>
</context>
<context>
    <name>wharf::SearchModel</name>
    <message>
        <source>Searching %1 is not available here</source>
        <translation>여기서는 %1 검색을 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Searching Docker Hub is not available here</source>
        <translation>여기서는 Docker Hub 검색을 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>리포지토리</translation>
    </message>
    <message>
        <source>Platforms: %1 · %2</source>
        <translation>플랫폼: %1 · %2</translation>
    </message>
</context>
<context>
    <name>wharf::SearchPane</name>
    <message>
        <source>Search images (Ctrl+F)</source>
        <translation>Image 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>검색할 곳</translation>
    </message>
    <message>
        <source>Docker Hub</source>
        <translation>Docker Hub</translation>
    </message>
    <message>
        <source>Type to search Docker Hub or pick a registry.</source>
        <translation>입력하여 Docker Hub를 검색하거나 레지스트리를 고르십시오.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>검색하는 중…</translation>
    </message>
    <message>
        <source>No repositories match “%1”.</source>
        <translation>“%1”에 맞는 리포지토리가 없습니다.</translation>
    </message>
    <message>
        <source>Searching Docker Hub failed</source>
        <translation>Docker Hub 검색 실패</translation>
    </message>
    <message>
        <source>Listing the catalog of %1 failed</source>
        <translation>%1 카탈로그 조회 실패</translation>
    </message>
    <message>
        <source>Only images for this platform</source>
        <translation>이 플랫폼용 Image만</translation>
    </message>
    <message>
        <source>Any platform</source>
        <translation>모든 플랫폼</translation>
    </message>
    <message>
        <source>Only images with this badge</source>
        <translation>이 배지가 있는 Image만</translation>
    </message>
    <message>
        <source>Any badge</source>
        <translation>모든 배지</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>공식</translation>
    </message>
    <message>
        <source>Verified publisher</source>
        <translation>인증된 게시자</translation>
    </message>
    <message>
        <source>Open source</source>
        <translation>오픈 소스</translation>
    </message>
    <message>
        <source>Hardened</source>
        <translation>강화</translation>
    </message>
    <message>
        <source>Order of the results</source>
        <translation>결과 순서</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>가장 잘 맞는 순</translation>
    </message>
    <message>
        <source>Most pulled</source>
        <translation>가져오기 많은 순</translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation>최근 업데이트 순</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>내 리포지토리</translation>
    </message>
    <message>
        <source>My repositories on Docker Hub, private ones included (needs a Docker Hub login)</source>
        <translation>Docker Hub의 내 리포지토리(비공개 포함, Docker Hub 로그인 필요)</translation>
    </message>
</context>
<context>
    <name>wharf::SearchResultDelegate</name>
    <message>
        <source>%1B</source>
        <translation>%1B</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1K</source>
        <translation>%1K</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>공식</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>인증됨</translation>
    </message>
    <message>
        <source>Open source</source>
        <translation>오픈 소스</translation>
    </message>
    <message>
        <source>Hardened</source>
        <translation>강화</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>비공개</translation>
    </message>
    <message numerus="yes">
        <source>★ %1 · %2 pull(s)</source>
        <translation>
            <numerusform>★ %1 · pull %2회</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>시스템 기본값(%1)</translation>
    </message>
    <message>
        <source>localhost:5000
registry.example.com</source>
        <translation>localhost:5000
registry.example.com</translation>
    </message>
    <message>
        <source>One host[:port] per line. Searching one of them lists its catalog.</source>
        <translation>한 줄에 host[:port]를 하나씩 적습니다. 이 중 하나를 검색하면 그 레지스트리의 카탈로그를 나열합니다.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Registries to search:</source>
        <translation>검색할 레지스트리(&amp;R):</translation>
    </message>
    <message>
        <source>The new language is used the next time Wharf starts.</source>
        <translation>새 언어는 Wharf를 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>%1=%2 is set and takes precedence over this choice.</source>
        <translation>환경 변수(%1=%2)가 설정되어 있어 이 선택보다 우선합니다.</translation>
    </message>
</context>
<context>
    <name>wharf::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>wharf::StartView</name>
    <message>
        <source>&lt;h2&gt;Welcome to Wharf&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Wharf에 오신 것을 환영합니다&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search on the left, pick a repository and a tag; its platforms, history, layer map and files open here. F6 moves between panes; Ctrl+? lists every shortcut.</source>
        <translation>왼쪽에서 검색해 리포지토리와 태그를 고르면 플랫폼, 기록, Layer 맵, 파일이 여기에 열립니다. F6으로 창 사이를 이동하고, Ctrl+?로 모든 단축키를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Popular official images</source>
        <translation>인기 공식 Image</translation>
    </message>
    <message>
        <source>Recently viewed</source>
        <translation>최근에 본 리포지토리</translation>
    </message>
    <message>
        <source>Repositories you open appear here.</source>
        <translation>연 리포지토리가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Asking Docker Hub…</source>
        <translation>Docker Hub에 묻는 중…</translation>
    </message>
    <message>
        <source>Docker Hub listed no official images.</source>
        <translation>Docker Hub에 공식 Image가 없습니다.</translation>
    </message>
    <message>
        <source>Docker Hub&apos;s official images could not be listed</source>
        <translation>Docker Hub의 공식 Image 목록을 가져올 수 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::StatePanel</name>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>You are offline, or the server cannot be reached.
%1: %2</source>
        <translation>오프라인이거나 서버에 연결할 수 없습니다.
%1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>wharf::StoreActions</name>
    <message>
        <source>The export failed: %1</source>
        <translation>내보내기 실패: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>This platform cannot be pulled.</source>
        <translation>이 플랫폼은 가져올 수 없습니다.</translation>
    </message>
    <message>
        <source>Pulling needs the local store: %1</source>
        <translation>가져오려면 로컬 저장소가 필요합니다: %1</translation>
    </message>
    <message>
        <source>Pulling %1 for %2…</source>
        <translation>%2용 %1 가져오는 중…</translation>
    </message>
    <message>
        <source>Pulled %1</source>
        <translation>%1 가져오기 완료</translation>
    </message>
    <message>
        <source>Cancelled the pull of %1</source>
        <translation>%1 가져오기를 취소했습니다</translation>
    </message>
    <message>
        <source>The pull of %1 stopped: offline, or the registry cannot be reached (%2)</source>
        <translation>%1 가져오기가 중단되었습니다: 오프라인이거나 레지스트리에 연결할 수 없습니다(%2)</translation>
    </message>
    <message>
        <source>The pull of %1 failed: %2</source>
        <translation>%1 가져오기 실패: %2</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>No file manager could be opened for %1</source>
        <translation>파일 관리자에서 %1 위치를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opening %1 (%2) from the local store…</source>
        <translation>로컬 저장소에서 %1 (%2)을(를) 여는 중…</translation>
    </message>
    <message>
        <source>The local store could not be cleaned up: %1</source>
        <translation>로컬 저장소를 정리할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cleaned up the local store; %1 freed</source>
        <translation>로컬 저장소를 정리했습니다. %1 확보됨</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>%1을(를) 삭제할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Deleted %1; its layers were kept: %2</source>
        <translation>%1 삭제됨. Layer는 남겨 두었습니다: %2</translation>
    </message>
    <message>
        <source>Deleted %1; nothing freed: other stored images use all of its layers</source>
        <translation>%1 삭제됨. 확보된 공간 없음: 저장된 다른 Image가 Layer를 모두 씁니다</translation>
    </message>
    <message>
        <source>Deleted %1; %2 freed</source>
        <extracomment>%1: image and platform, %2: a size</extracomment>
        <translation>%1 삭제됨. %2 확보됨</translation>
    </message>
    <message>
        <source>Showing the local store; index.json lists %1 with its manifest %2</source>
        <translation>로컬 저장소를 보여 줍니다. index.json에 %1과(와) manifest %2이(가) 있습니다</translation>
    </message>
    <message>
        <source>Copied the store&apos;s path and the manifest&apos;s path (%1)</source>
        <translation>저장소 경로와 manifest 경로를 복사함 (%1)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 복사됨</translation>
    </message>
    <message>
        <source>Loading %1 into %2…</source>
        <extracomment>%1 an image reference, %2 Docker or Podman</extracomment>
        <translation>%1을(를) %2(으)로 로드하는 중…</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <extracomment>%1 Docker or Podman, %2 why (one line)</extracomment>
        <translation>%1을(를) 사용할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Pulling %1 for %2 into %3…</source>
        <extracomment>%1 an image reference, %2 a platform, %3 Docker or Podman</extracomment>
        <translation>%2용 %1을(를) %3(으)로 가져오는 중…</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Stopped loading %1 into %2; it keeps nothing of it, the local store keeps the image</source>
        <extracomment>%1 an image reference, %2 Docker or Podman</extracomment>
        <translation>%1을(를) %2(으)로 로드하던 것을 중지했습니다. 엔진에는 아무것도 남지 않고, Image는 로컬 저장소에 남아 있습니다</translation>
    </message>
    <message>
        <source>%1 could not be loaded into %2: %3</source>
        <extracomment>%1 an image reference, %2 Docker or Podman, %3 why</extracomment>
        <translation>%1을(를) %2(으)로 로드할 수 없습니다: %3</translation>
    </message>
</context>
<context>
    <name>wharf::StoredImageJob</name>
    <message>
        <source>%1 is not an image manifest</source>
        <translation>%1은(는) Image manifest가 아닙니다</translation>
    </message>
    <message>
        <source>the image config</source>
        <translation>Image config</translation>
    </message>
</context>
<context>
    <name>wharf::TagDetailsJob</name>
    <message>
        <source>the registry client is gone</source>
        <translation>레지스트리 클라이언트가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>태그 %1</translation>
    </message>
</context>
<context>
    <name>wharf::TagListModel</name>
    <message>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
</context>
<context>
    <name>wharf::TagLister</name>
    <message>
        <source>No repository to list tags for</source>
        <translation>태그를 나열할 리포지토리가 없습니다</translation>
    </message>
    <message>
        <source>Listing the tags of %1 is not available here</source>
        <translation>여기서는 %1의 태그 목록을 가져올 수 없습니다</translation>
    </message>
    <message>
        <source>more tags of %1/%2</source>
        <translation>%1/%2의 추가 태그</translation>
    </message>
    <message numerus="yes">
        <source>Docker Hub describes only the first %n tag(s) without signing in; sign in to Docker Hub to see the dates, sizes and platforms of the rest (%1 more), or select a tag to read them from the registry.</source>
        <translation>
            <numerusform>로그인하지 않으면 Docker Hub는 처음 태그 %n개만 설명합니다. 나머지 %1개의 날짜, 크기, 플랫폼을 보려면 Docker Hub에 로그인하거나, 태그를 선택해 레지스트리에서 읽으세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Docker Hub&apos;s details were read for the first %n tag(s) only.</source>
        <translation>
            <numerusform>Docker Hub의 세부 정보는 처음 태그 %n개에 대해서만 읽었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The registry&apos;s own tag list could not be read (%1); these are the tags Docker Hub lists.</source>
        <translation>레지스트리의 태그 목록을 읽을 수 없습니다(%1). Docker Hub가 나열한 태그를 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>wharf::TagTableModel</name>
    <message>
        <source>unavailable</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Last pushed</source>
        <translation>마지막 푸시</translation>
    </message>
    <message>
        <source>Same image as</source>
        <translation>같은 Image</translation>
    </message>
    <message>
        <source>The platforms of this tag could not be read.</source>
        <translation>이 태그의 플랫폼을 읽을 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n platform(s):</source>
        <extracomment>tooltip of the Tags pane&apos;s Platforms cell; %n platforms follow, one a line</extracomment>
        <translation>
            <numerusform>플랫폼 %n개:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 compressed (%2 bytes)</source>
        <extracomment>%1 is a size (12.3 MB), %2 the exact number of bytes</extracomment>
        <translation>압축 시 %1 (%2바이트)</translation>
    </message>
    <message numerus="yes">
        <source>The same image as %n tag(s):</source>
        <extracomment>tooltip of the Tags pane&apos;s &quot;Same image as&quot; cell; the %n tags follow</extracomment>
        <translation>
            <numerusform>같은 Image인 태그 %n개:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::TagsPane</name>
    <message>
        <source>Regex</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>태그 필터</translation>
    </message>
    <message>
        <source>Treat the filter as a regular expression</source>
        <translation>필터를 정규 표현식으로 해석합니다</translation>
    </message>
    <message>
        <source>This is not a valid regular expression.</source>
        <translation>올바른 정규 표현식이 아닙니다.</translation>
    </message>
    <message>
        <source>Pick a repository to list its tags.</source>
        <translation>리포지토리를 고르면 태그 목록을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Loading tags…</source>
        <translation>태그를 불러오는 중…</translation>
    </message>
    <message>
        <source>This repository has no tags.</source>
        <translation>이 리포지토리에는 태그가 없습니다.</translation>
    </message>
    <message>
        <source>No tag matches “%1”.</source>
        <translation>“%1”에 맞는 태그가 없습니다.</translation>
    </message>
    <message>
        <source>The tags of %1 could not be listed</source>
        <translation>%1의 태그 목록을 가져올 수 없습니다</translation>
    </message>
    <message>
        <source>Copy Tag</source>
        <translation>태그 복사</translation>
    </message>
    <message>
        <source>Copy Digest</source>
        <translation>Digest 복사</translation>
    </message>
    <message>
        <source>Copy “docker pull” Command</source>
        <translation>“docker pull” 명령 복사</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Compare With This Tag</source>
        <translation>이 태그와 비교</translation>
    </message>
    <message>
        <source>Show in Layer Map</source>
        <translation>Layer 맵에 표시</translation>
    </message>
    <message>
        <source>Pull the platform selected in Platforms, or this machine’s</source>
        <translation>플랫폼 창에서 선택한 플랫폼을, 없으면 이 컴퓨터의 플랫폼을 가져옵니다</translation>
    </message>
    <message>
        <source>“%1” is not a valid regular expression: %2. Correct it, or untick Regex to match the text as it is.</source>
        <extracomment>%1 is the filter text, %2 why it is not a regular expression (Qt&apos;s words)</extracomment>
        <translation>“%1”은(는) 올바른 정규 표현식이 아닙니다: %2. 고치거나, 정규식 선택을 해제해 입력한 글자 그대로 찾으십시오.</translation>
    </message>
</context>
<context>
    <name>wharf::TarWriter</name>
    <message>
        <source>the archive %1 is already complete</source>
        <translation>아카이브 %1은(는) 이미 완료되었습니다</translation>
    </message>
    <message>
        <source>cannot write %1 to %2: %3</source>
        <translation>%2에 %1을(를) 쓸 수 없습니다: %3</translation>
    </message>
    <message>
        <source>%1: the previous entry is not complete</source>
        <translation>%1: 이전 항목이 완료되지 않았습니다</translation>
    </message>
    <message>
        <source>“%1” is not a safe name for an archive entry</source>
        <translation>“%1”은(는) 아카이브 항목에 쓸 수 있는 안전한 이름이 아닙니다</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the archive header</source>
        <translation>아카이브 헤더</translation>
    </message>
    <message>
        <source>%1: negative size for %2</source>
        <translation>%1: %2의 크기가 음수입니다</translation>
    </message>
    <message>
        <source>%1: data written outside of a file entry</source>
        <translation>%1: 파일 항목 밖에 데이터를 썼습니다</translation>
    </message>
    <message>
        <source>%1: more bytes than the entry&apos;s size</source>
        <translation>%1: 항목 크기보다 많은 바이트입니다</translation>
    </message>
    <message>
        <source>an entry</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>%1: no file entry is open</source>
        <translation>%1: 열린 파일 항목이 없습니다</translation>
    </message>
    <message>
        <source>%1: an entry ended %2 bytes short</source>
        <translation>%1: 항목이 %2바이트 모자란 채로 끝났습니다</translation>
    </message>
    <message>
        <source>%1: the last entry is not complete</source>
        <translation>%1: 마지막 항목이 완료되지 않았습니다</translation>
    </message>
    <message>
        <source>the end of the archive</source>
        <translation>아카이브 끝</translation>
    </message>
</context>
<context>
    <name>wharf::cli</name>
    <message>
        <source>unknown command “%1”</source>
        <translation>알 수 없는 명령 “%1”</translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to %1</source>
        <translation>--limit 값은 1에서 %1 사이의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>unknown option “%1”</source>
        <translation>알 수 없는 옵션 “%1”</translation>
    </message>
    <message>
        <source>(see “%1 --help”)</source>
        <translation>(“%1 --help” 참고)</translation>
    </message>
    <message>
        <source>Usage: wharf [--verbose] [COMMAND] [OPTIONS]

Without a command, Wharf opens its window.
With --verbose (or WHARF_VERBOSE=1), every request and cache hit is logged on stderr.

Commands:
  search QUERY [--registry HOST] [--limit N] [--json]   search Docker Hub or a registry&apos;s catalog
    [--os OS] [--arch ARCH] [--badge B] [--sort S]      Docker Hub by platform, badge, pulls or recency
  repos [NAMESPACE] [--filter TEXT] [--json]            a Docker Hub namespace&apos;s repositories (yours, signed in)
  tags REPO [--limit N] [--platforms] [--json]          list a repository&apos;s tags
  inspect REF [--platform P] [--json]                   platforms, layers, config and history
    (inspect and layers take docker-daemon:NAME, containers-storage:NAME: images in Docker, Podman)
  layers REF [--platform P] [--json]                    layers with their build steps, sizes and wasted space
    [--files DIGEST] [--merged] [--diff REF2]           one layer&apos;s files, the merged tree, or a diff of two images
    [--store DIR]                                       read layers the store already holds from it
  login REGISTRY -u USER --password-stdin               keep credentials in the system keychain
  logout REGISTRY                                       forget them
  pull REF [--platform P] [--store DIR] [--jobs N]      pull one platform into the local store
    [--to store|docker|podman]                          and from there into Docker or Podman
  load REF --to docker|podman [--platform P]            send a stored image into Docker or Podman
  images [--store DIR] [--json]                         list the images in the local store
    [--engine docker|podman]                            or Docker&apos;s or Podman&apos;s, as docker image ls does
  rm REF [--platform P] [--prune] [--store DIR]         remove an image (--prune: and the blobs only it used)
  gc [--dry-run] [--store DIR] [--json]                 delete blobs no stored image uses
  verify [--store DIR] [--json]                         re-hash the store, report what is wrong
  export REF -o FILE [--format F] [--platform P]        write a stored image as docker-archive or oci-archive

Run “wharf COMMAND --help” for a command&apos;s options.
</source>
        <translation>사용 방법: wharf [--verbose] [COMMAND] [OPTIONS]

명령 없이 실행하면 Wharf 창이 열립니다.
--verbose(또는 WHARF_VERBOSE=1)를 주면 모든 요청과 캐시 적중을 stderr에 기록합니다.

명령:
  search QUERY [--registry HOST] [--limit N] [--json]   Docker Hub나 레지스트리 카탈로그 검색
    [--os OS] [--arch ARCH] [--badge B] [--sort S]      Docker Hub를 플랫폼, 배지, 가져오기 수 또는 최근순으로
  repos [NAMESPACE] [--filter TEXT] [--json]            Docker Hub 네임스페이스의 저장소(로그인하면 내 저장소)
  tags REPO [--limit N] [--platforms] [--json]          리포지토리의 태그 목록
  inspect REF [--platform P] [--json]                   플랫폼, Layer, config, 기록 보기
    (inspect와 layers는 docker-daemon:NAME, containers-storage:NAME도 받음: Docker, Podman의 Image)
  layers REF [--platform P] [--json]                    Layer와 빌드 단계, 크기, 낭비 공간 보기
    [--files DIGEST] [--merged] [--diff REF2]           Layer 하나의 파일, 병합된 트리, 두 Image의 차이
    [--store DIR]                                       저장소에 이미 있는 Layer는 저장소에서 읽기
  login REGISTRY -u USER --password-stdin               자격 증명을 시스템 키체인에 보관
  logout REGISTRY                                       보관한 자격 증명 삭제
  pull REF [--platform P] [--store DIR] [--jobs N]      플랫폼 하나를 로컬 저장소로 가져오기
    [--to store|docker|podman]                          그리고 저장소에서 Docker나 Podman으로
  load REF --to docker|podman [--platform P]            저장된 Image를 Docker나 Podman에 보내기
  images [--store DIR] [--json]                         로컬 저장소의 Image 목록
    [--engine docker|podman]                            또는 Docker나 Podman의 목록 (“docker images”처럼)
  rm REF [--platform P] [--prune] [--store DIR]         저장소에서 Image 제거(--prune: 이 Image만 쓰던 blob도)
  gc [--dry-run] [--store DIR] [--json]                 어떤 Image도 쓰지 않는 blob 삭제
  verify [--store DIR] [--json]                         저장소를 다시 해시하고 문제 보고
  export REF -o FILE [--format F] [--platform P]        저장된 Image를 docker-archive나 oci-archive로 쓰기

명령별 옵션은 “wharf COMMAND --help”로 확인하세요.
</translation>
    </message>
</context>
<context>
    <name>wharf::cli::engines</name>
    <message>
        <source>--to takes store, docker or podman, not “%1”</source>
        <translation>--to에는 “%1”이(가) 아니라 store, docker, podman 중 하나를 주세요</translation>
    </message>
    <message>
        <source>--to takes docker or podman, not “%1”</source>
        <translation>--to에는 “%1”이(가) 아니라 docker나 podman을 주세요</translation>
    </message>
    <message>
        <source>Loading %1 (%2) into %3 at %4</source>
        <extracomment>%1 an image reference, %2 a platform, %3 Docker or Podman, %4 its socket</extracomment>
        <translation>%1 (%2)을(를) %4의 %3에 로드하는 중</translation>
    </message>
    <message>
        <source>%1: sent, unpacking…</source>
        <extracomment>%1 Docker or Podman: everything is sent, the engine is unpacking the layers</extracomment>
        <translation>%1: 보냄, 압축 해제 중…</translation>
    </message>
    <message>
        <source>%1: %2 of about %3 sent</source>
        <extracomment>%1 Docker or Podman, %2 and %3 amounts of data (12.5 MiB of about 400 MiB)</extracomment>
        <translation>%1: 약 %3 중 %2 보냄</translation>
    </message>
    <message>
        <source>%1: %2 sent</source>
        <extracomment>%1 Docker or Podman, %2 an amount of data (12.5 MiB)</extracomment>
        <translation>%1: %2 보냄</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>참고: %1</translation>
    </message>
    <message>
        <source>“%1” is not an image name or ID</source>
        <translation>“%1”은(는) Image 이름이나 ID가 아닙니다</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>Image ID</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Digests</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성 시각</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Layers (%1, as diff IDs):</source>
        <extracomment>%1 counts layers</extracomment>
        <translation>Layer (%1개, diff ID):</translation>
    </message>
    <message>
        <source>History (newest first):</source>
        <translation>기록 (최신순):</translation>
    </message>
    <message>
        <source>  CREATED</source>
        <translation>  CREATED</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation>CREATED BY</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>REPOSITORY</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>IMAGE ID</translation>
    </message>
    <message>
        <source>PLATFORM</source>
        <translation>PLATFORM</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>CREATED</translation>
    </message>
    <message>
        <source>Send an image from the local store into Docker or Podman, as docker pull would have named it.</source>
        <translation>로컬 저장소의 Image를 docker pull이 붙였을 이름으로 Docker나 Podman에 보냅니다.</translation>
    </message>
    <message>
        <source>nginx:1.27, docker.io/library/nginx:latest, …</source>
        <translation>예: nginx:1.27, docker.io/library/nginx:latest, …</translation>
    </message>
    <message>
        <source>The engine: docker or podman.</source>
        <translation>엔진: docker 또는 podman.</translation>
    </message>
    <message>
        <source>The platform to load when the store keeps several of REF.</source>
        <translation>저장소에 REF가 여러 플랫폼으로 있을 때 로드할 플랫폼.</translation>
    </message>
    <message>
        <source>usage: wharf load REF --to docker|podman [--platform os/arch[/variant]] [--store DIR]</source>
        <translation>사용 방법: wharf load REF --to docker|podman [--platform os/arch[/variant]] [--store DIR]</translation>
    </message>
</context>
<context>
    <name>wharf::cli::exporting</name>
    <message>
        <source>Write an image from the local store to a tar file that docker load, podman load and skopeo read.</source>
        <translation>로컬 저장소의 Image를 docker load, podman load, skopeo가 읽는 tar 파일로 씁니다.</translation>
    </message>
    <message>
        <source>nginx:1.27, docker.io/library/nginx:latest, …</source>
        <translation>예: nginx:1.27, docker.io/library/nginx:latest, …</translation>
    </message>
    <message>
        <source>The tar file to write (replaced if it exists).</source>
        <translation>쓸 tar 파일입니다(이미 있으면 바꿉니다).</translation>
    </message>
    <message>
        <source>docker-archive (the default: what docker save writes) or oci-archive.</source>
        <translation>docker-archive(기본값: docker save가 쓰는 형식) 또는 oci-archive입니다.</translation>
    </message>
    <message>
        <source>The platform to export when the store keeps several of REF.</source>
        <translation>저장소에 REF의 플랫폼이 여러 개 있을 때 내보낼 플랫폼입니다.</translation>
    </message>
    <message>
        <source>usage: wharf export REF -o FILE [--format docker-archive|oci-archive] [--platform os/arch[/variant]] [--store DIR]</source>
        <translation>사용 방법: wharf export REF -o FILE [--format docker-archive|oci-archive] [--platform os/arch[/variant]] [--store DIR]</translation>
    </message>
    <message>
        <source>unknown format “%1”; use docker-archive or oci-archive</source>
        <translation>알 수 없는 형식 “%1”입니다. docker-archive나 oci-archive를 쓰세요</translation>
    </message>
    <message>
        <source>Wrote %1 (%2) to %3 as %4, %5</source>
        <extracomment>%1 reference, %2 platform, %3 file, %4 format (docker-archive/oci-archive), %5 size</extracomment>
        <translation>%1 (%2)을(를) %4 형식으로 %3에 썼습니다, %5</translation>
    </message>
</context>
<context>
    <name>wharf::cli::inspect</name>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>%1  %2, %3 bytes</source>
        <translation>%1  %2, %3바이트</translation>
    </message>
    <message>
        <source>Platforms (%1):</source>
        <translation>플랫폼 (%1개):</translation>
    </message>
    <message>
        <source>  PLATFORM</source>
        <translation>  PLATFORM</translation>
    </message>
    <message>
        <source>MANIFEST</source>
        <translation>MANIFEST</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>Attestations (%1, not platforms):</source>
        <translation>Attestation (%1개, 플랫폼 아님):</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>대상: %1</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>Layers (%1, %2 compressed):</source>
        <translation>Layer (%1개, 압축 크기 %2):</translation>
    </message>
    <message>
        <source>  DIGEST</source>
        <translation>  DIGEST</translation>
    </message>
    <message>
        <source>MEDIA TYPE</source>
        <translation>MEDIA TYPE</translation>
    </message>
    <message>
        <source>History (%1 steps):</source>
        <translation>기록 (%1단계):</translation>
    </message>
    <message>
        <source>  (the history does not match the layers; layers are listed without their instructions)</source>
        <translation>  (기록이 Layer와 맞지 않아 Layer를 명령어 없이 표시합니다)</translation>
    </message>
    <message>
        <source>(empty layer)</source>
        <translation>(빈 Layer)</translation>
    </message>
    <message>
        <source>Run config:</source>
        <translation>실행 설정:</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>Entrypoint</translation>
    </message>
    <message>
        <source>Cmd</source>
        <translation>Cmd</translation>
    </message>
    <message>
        <source>WorkingDir</source>
        <translation>WorkingDir</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>StopSignal</source>
        <translation>StopSignal</translation>
    </message>
    <message>
        <source>Env</source>
        <translation>Env</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Show an image&apos;s platforms, manifest, config, layers and history.</source>
        <translation>Image의 플랫폼, manifest, config, Layer, 기록을 보여 줍니다.</translation>
    </message>
    <message>
        <source>nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag</source>
        <translation>예: nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag</translation>
    </message>
    <message>
        <source>Platform to show for a multi-platform image (default: this machine&apos;s).</source>
        <translation>다중 플랫폼 Image에서 보여 줄 플랫폼입니다(기본값: 이 컴퓨터의 플랫폼).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>usage: wharf inspect REF [--platform os/arch[/variant]] [--json]</source>
        <translation>사용 방법: wharf inspect REF [--platform os/arch[/variant]] [--json]</translation>
    </message>
    <message>
        <source>none: Docker schema 1 keeps it in the manifest’s history</source>
        <translation>없음: Docker schema 1에서는 manifest의 기록(history) 안에 있습니다</translation>
    </message>
    <message>
        <source>Docker schema 1 is deprecated: it records no layer sizes, and Wharf can inspect it but not pull it.</source>
        <translation>Docker schema 1은 더 이상 쓰지 않는 형식입니다. Layer 크기가 기록되지 않으며, Wharf는 살펴볼 수는 있지만 가져올 수는 없습니다.</translation>
    </message>
    <message>
        <source>Layers (%1, compressed size unknown):</source>
        <translation>Layer (%1개, 압축 크기 알 수 없음):</translation>
    </message>
    <message>
        <source>an image in an engine has one platform: --platform does not apply</source>
        <translation>엔진의 Image는 플랫폼이 하나뿐이라 --platform을 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::cli::layers</name>
    <message>
        <source>%1 matches more than one layer of %2 (%3 and %4); give more of the digest</source>
        <translation>%1에 해당하는 %2의 Layer가 여러 개입니다(%3, %4). Digest를 더 길게 지정하세요</translation>
    </message>
    <message>
        <source>%1 has no layer %2; “wharf layers %1” lists them</source>
        <translation>%1에 %2 Layer가 없습니다. Layer 목록은 “wharf layers %1”로 확인하세요</translation>
    </message>
    <message>
        <source>Listing layers: %1 of %2, %3 of %4</source>
        <extracomment>%1 of %2 layers listed, %3 of %4 bytes read</extracomment>
        <translation>Layer 목록 읽는 중: %2개 중 %1개, %4 중 %3</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>%1, %2 compressed, %3 as tar, %4 in files</source>
        <translation>%1개, 압축 %2, tar %3, 파일 합계 %4</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %n entries, %3 in files</source>
        <translation>
            <numerusform>%1  %2  항목 %n개, 파일 합계 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 wasted</source>
        <translation>, 낭비 %1</translation>
    </message>
    <message>
        <source>History (%1 steps):</source>
        <translation>기록 (%1단계):</translation>
    </message>
    <message>
        <source>  (the history does not match the layers; layers are listed without their instructions)</source>
        <translation>  (기록이 Layer와 맞지 않아 Layer를 명령어 없이 표시합니다)</translation>
    </message>
    <message>
        <source>(empty layer)</source>
        <translation>(빈 Layer)</translation>
    </message>
    <message>
        <source>Efficiency:</source>
        <translation>효율:</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation>Wasted</translation>
    </message>
    <message>
        <source>%1 of %2 in files (copies overwritten or deleted by later layers)</source>
        <translation>파일 합계 %2 중 %1 (뒤 Layer가 덮어쓰거나 삭제한 사본)</translation>
    </message>
    <message>
        <source>  Worst offenders (%1 of %2):</source>
        <translation>  낭비가 가장 큰 항목 (%2개 중 %1개):</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (삭제됨)</translation>
    </message>
    <message>
        <source>    WASTED</source>
        <translation>    WASTED</translation>
    </message>
    <message>
        <source>COPIES</source>
        <translation>COPIES</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source> (hard link to %1)</source>
        <translation> (%1에 대한 하드 링크)</translation>
    </message>
    <message>
        <source> (whiteout; nothing below)</source>
        <translation> (whiteout, 아래 Layer에 없음)</translation>
    </message>
    <message>
        <source> (opaque: lower contents hidden)</source>
        <translation> (opaque: 아래 Layer의 내용을 가림)</translation>
    </message>
    <message>
        <source>Layer %1 of %2: %3, %4</source>
        <translation>Layer %2개 중 %1번째: %3, %4</translation>
    </message>
    <message>
        <source>This layer only</source>
        <translation>이 Layer만</translation>
    </message>
    <message>
        <source>Merged up to this layer</source>
        <translation>이 Layer까지 병합</translation>
    </message>
    <message>
        <source>%1 added (A), %2 modified (M), %3 deleted (D)</source>
        <translation>추가 %1개(A), 수정 %2개(M), 삭제 %3개(D)</translation>
    </message>
    <message>
        <source>%1: the merged file system, %2 in files</source>
        <translation>%1: 병합된 파일 시스템, 파일 합계 %2</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>OWNER</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Layers: %1 in common (the first %2 shared as a base), %3 only in the first, %4 only in the second; %5 → %6 compressed (%7)</source>
        <translation>Layer: 공통 %1개(처음 %2개는 베이스로 공유), 첫 번째에만 %3개, 두 번째에만 %4개. 압축 크기 %5 → %6 (%7)</translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation>LAYER</translation>
    </message>
    <message>
        <source>Files: %1 added (%2), %3 removed (%4), %5 changed (%6); %7 → %8 in files (%9)</source>
        <translation>파일: 추가 %1개(%2), 제거 %3개(%4), 변경 %5개(%6). 파일 합계 %7 → %8 (%9)</translation>
    </message>
    <message>
        <source>PATH (what changed)</source>
        <translation>PATH (what changed)</translation>
    </message>
    <message>
        <source>Show an image&apos;s layers with the build steps that made them, their sizes and the space they waste; one layer&apos;s files; the merged file system; or what changed from one image to another.</source>
        <translation>Image의 Layer를 그 Layer를 만든 빌드 단계, 크기, 낭비하는 공간과 함께 보여 줍니다. Layer 하나의 파일, 병합된 파일 시스템, 한 Image에서 다른 Image로 바뀐 내용도 보여 줍니다.</translation>
    </message>
    <message>
        <source>nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag</source>
        <translation>예: nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag</translation>
    </message>
    <message>
        <source>Platform to show for a multi-platform image (default: this machine&apos;s).</source>
        <translation>다중 플랫폼 Image에서 보여 줄 플랫폼입니다(기본값: 이 컴퓨터의 플랫폼).</translation>
    </message>
    <message>
        <source>List one layer&apos;s entries: what it added (A), modified (M) and deleted (D). DIGEST is the layer&apos;s digest or a unique prefix of at least 12 hex digits.</source>
        <translation>Layer 하나의 항목, 즉 그 Layer가 추가(A), 수정(M), 삭제(D)한 항목을 보여 줍니다. DIGEST는 Layer의 Digest이거나, 하나의 Layer만 가리키는 16진수 12자리 이상의 접두사입니다.</translation>
    </message>
    <message>
        <source>List the merged file system: up to the layer given with --files, else of the whole image.</source>
        <translation>병합된 파일 시스템을 보여 줍니다. --files로 지정한 Layer까지 병합하고, 지정하지 않으면 Image 전체를 병합합니다.</translation>
    </message>
    <message>
        <source>Compare with another image: layers in common and the files that differ.</source>
        <translation>다른 Image와 비교해 공통 Layer와 달라진 파일을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>--diff compares whole images: it cannot be combined with --files or --merged</source>
        <translation>--diff는 Image 전체를 비교하므로 --files나 --merged와 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>“%1” is not a layer digest: give sha256:&lt;hex&gt; or at least %2 of its hex digits</source>
        <translation>“%1”은(는) Layer Digest가 아닙니다. sha256:&lt;hex&gt; 형식이나 16진수 %2자리 이상을 지정하세요</translation>
    </message>
    <message>
        <source>usage: wharf layers REF [--platform os/arch[/variant]] [--files DIGEST] [--merged] [--diff REF2] [--store DIR] [--json]</source>
        <translation>사용 방법: wharf layers REF [--platform os/arch[/variant]] [--files DIGEST] [--merged] [--diff REF2] [--store DIR] [--json]</translation>
    </message>
    <message>
        <source>Listing layers: %1 of %2, %3 read</source>
        <translation>Layer 목록 읽는 중: %2개 중 %1개, %3 읽음</translation>
    </message>
    <message>
        <source>an image in an engine has one platform: --platform does not apply</source>
        <translation>엔진의 Image는 플랫폼이 하나뿐이라 --platform을 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>wharf::cli::login</name>
    <message>
        <source>Check credentials against a registry and keep them in the system keychain.</source>
        <translation>레지스트리에서 자격 증명을 확인하고 시스템 키체인에 보관합니다.</translation>
    </message>
    <message>
        <source>docker.io, ghcr.io, localhost:5000, …</source>
        <translation>예: docker.io, ghcr.io, localhost:5000, …</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>사용자 이름입니다.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Read the password or access token from standard input.</source>
        <translation>비밀번호나 액세스 토큰을 표준 입력에서 읽습니다.</translation>
    </message>
    <message>
        <source>usage: echo &quot;$TOKEN&quot; | wharf login REGISTRY -u USER --password-stdin</source>
        <translation>사용 방법: echo &quot;$TOKEN&quot; | wharf login REGISTRY -u USER --password-stdin</translation>
    </message>
    <message>
        <source>“%1” is not a registry host</source>
        <translation>“%1”은(는) 레지스트리 호스트가 아닙니다</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>표준 입력을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the password on standard input is longer than %1 bytes</source>
        <translation>표준 입력으로 받은 비밀번호가 %1바이트보다 깁니다</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>표준 입력에 비밀번호가 없습니다</translation>
    </message>
    <message>
        <source>Login succeeded for %1; the credentials are in the system keychain.</source>
        <translation>%1에 로그인했습니다. 자격 증명은 시스템 키체인에 보관했습니다.</translation>
    </message>
    <message>
        <source>Remove a registry&apos;s credentials from the system keychain.</source>
        <translation>레지스트리의 자격 증명을 시스템 키체인에서 제거합니다.</translation>
    </message>
    <message>
        <source>usage: wharf logout REGISTRY</source>
        <translation>사용 방법: wharf logout REGISTRY</translation>
    </message>
    <message>
        <source>Removed the credentials for %1 from the system keychain.</source>
        <translation>시스템 키체인에서 %1의 자격 증명을 제거했습니다.</translation>
    </message>
    <message>
        <source>The system keychain had no credentials for %1.</source>
        <translation>시스템 키체인에 %1의 자격 증명이 없습니다.</translation>
    </message>
</context>
<context>
    <name>wharf::cli::pull</name>
    <message>
        <source>ETA %1 s</source>
        <translation>남은 시간 %1초</translation>
    </message>
    <message>
        <source>Pull one platform of an image into the local store.</source>
        <translation>Image의 플랫폼 하나를 로컬 저장소로 가져옵니다.</translation>
    </message>
    <message>
        <source>nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag</source>
        <translation>예: nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag</translation>
    </message>
    <message>
        <source>Platform to pull (default: this machine&apos;s).</source>
        <translation>가져올 플랫폼입니다(기본값: 이 컴퓨터의 플랫폼).</translation>
    </message>
    <message>
        <source>Layers downloaded at once (default 4).</source>
        <translation>동시에 다운로드할 Layer 수입니다(기본값 4).</translation>
    </message>
    <message>
        <source>--jobs takes a number from 1 to 16</source>
        <translation>--jobs에는 1부터 16까지의 숫자를 지정하세요</translation>
    </message>
    <message>
        <source>%1 of %2 layers  %3 of %4  %5/s  %6</source>
        <translation>Layer %2개 중 %1개  %4 중 %3  %5/s  %6</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n layer(s)</source>
        <translation>
            <numerusform>%1 (%2): Layer %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already present</source>
        <translation>
            <numerusform>, 이미 있는 것 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n resumed</source>
        <translation>
            <numerusform>, 이어받기 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 to fetch</source>
        <translation>, 받을 크기 %1</translation>
    </message>
    <message numerus="yes">
        <source>Pulled %1 (%2) %3: fetched %4 in %5 s, %n layer(s) already present; store %6</source>
        <translation>
            <numerusform>%1 (%2) %3을(를) 가져왔습니다: %5초 동안 %4 받음, 이미 있던 Layer %n개, 저장소 %6</numerusform>
        </translation>
    </message>
    <message>
        <source>Where the image ends up: store (the default), docker or podman (through the store).</source>
        <translation>Image가 도착할 곳: store(기본값), docker 또는 podman(저장소를 거쳐서).</translation>
    </message>
    <message>
        <source>usage: wharf pull REF [--platform os/arch[/variant]] [--to store|docker|podman] [--store DIR] [--jobs N]</source>
        <translation>사용 방법: wharf pull REF [--platform os/arch[/variant]] [--to store|docker|podman] [--store DIR] [--jobs N]</translation>
    </message>
</context>
<context>
    <name>wharf::cli::search</name>
    <message>
        <source>official</source>
        <translation>official</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>No repositories match “%1”.</source>
        <translation>“%1”에 맞는 리포지토리가 없습니다.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>STARS</source>
        <translation>STARS</translation>
    </message>
    <message>
        <source>PULLS</source>
        <translation>PULLS</translation>
    </message>
    <message>
        <source>BADGES</source>
        <translation>BADGES</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>DESCRIPTION</translation>
    </message>
    <message>
        <source>No repositories in %1 match “%2”.</source>
        <translation>%1에는 “%2”에 맞는 리포지토리가 없습니다.</translation>
    </message>
    <message>
        <source>Search Docker Hub, or another registry&apos;s catalog.</source>
        <translation>Docker Hub나 다른 레지스트리의 카탈로그를 검색합니다.</translation>
    </message>
    <message>
        <source>Text to search for.</source>
        <translation>검색할 텍스트입니다.</translation>
    </message>
    <message>
        <source>Search this registry&apos;s catalog instead of Docker Hub.</source>
        <translation>Docker Hub 대신 이 레지스트리의 카탈로그를 검색합니다.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Show at most N results (default 25).</source>
        <translation>결과를 최대 N개까지 보여 줍니다(기본값 25).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>open source</source>
        <translation>오픈 소스</translation>
    </message>
    <message>
        <source>hardened</source>
        <translation>강화</translation>
    </message>
    <message>
        <source>ARCHITECTURES</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <source>Docker Hub only: images for this operating system (linux, windows); repeatable.</source>
        <translation>Docker Hub 전용: 이 운영 체제(linux, windows)용 Image. 여러 번 지정할 수 있습니다.</translation>
    </message>
    <message>
        <source>os</source>
        <translation>os</translation>
    </message>
    <message>
        <source>Docker Hub only: images for this architecture (amd64, arm64, arm, 386, ppc64le, s390x, riscv64); repeatable.</source>
        <translation>Docker Hub 전용: 이 아키텍처(amd64, arm64, arm, 386, ppc64le, s390x, riscv64)용 Image. 여러 번 지정할 수 있습니다.</translation>
    </message>
    <message>
        <source>arch</source>
        <translation>arch</translation>
    </message>
    <message>
        <source>Docker Hub only: official, verified, open-source or hardened; repeatable.</source>
        <translation>Docker Hub 전용: official, verified, open-source 또는 hardened. 여러 번 지정할 수 있습니다.</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>badge</translation>
    </message>
    <message>
        <source>Docker Hub only: pulls or updated (default: best match).</source>
        <translation>Docker Hub 전용: pulls 또는 updated (기본값: 가장 잘 맞는 순서).</translation>
    </message>
    <message>
        <source>order</source>
        <translation>order</translation>
    </message>
    <message>
        <source>usage: wharf search QUERY [--os OS] [--arch ARCH] [--badge BADGE] [--sort pulls|updated] [--registry HOST] [--limit N] [--json]</source>
        <translation>사용법: wharf search QUERY [--os OS] [--arch ARCH] [--badge BADGE] [--sort pulls|updated] [--registry HOST] [--limit N] [--json]</translation>
    </message>
    <message>
        <source>--%1 filters Docker Hub&apos;s search; a registry&apos;s catalog has no platforms or badges</source>
        <translation>--%1은(는) Docker Hub 검색을 거르는 옵션입니다. 레지스트리 카탈로그에는 플랫폼이나 배지가 없습니다</translation>
    </message>
    <message>
        <source>unknown badge “%1” (official, verified, open-source or hardened)</source>
        <translation>알 수 없는 배지 “%1” (official, verified, open-source 또는 hardened)</translation>
    </message>
    <message>
        <source>--sort takes pulls, updated or match</source>
        <translation>--sort에는 pulls, updated 또는 match를 지정합니다</translation>
    </message>
    <message>
        <source>List a Docker Hub namespace&apos;s repositories: by default your own, private ones included, once signed in (wharf login docker.io).</source>
        <translation>Docker Hub 네임스페이스의 리포지토리를 나열합니다. 기본값은 로그인한(wharf login docker.io) 사용자 자신의 리포지토리이며 비공개 리포지토리도 포함합니다.</translation>
    </message>
    <message>
        <source>A Docker Hub user or organisation (default: the one signed in).</source>
        <translation>Docker Hub 사용자 또는 조직(기본값: 로그인한 사용자).</translation>
    </message>
    <message>
        <source>Only names containing TEXT.</source>
        <translation>TEXT가 들어간 이름만.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>name, updated or pulls (default: updated).</source>
        <translation>name, updated 또는 pulls (기본값: updated).</translation>
    </message>
    <message>
        <source>Show at most N repositories (default 100).</source>
        <translation>리포지토리를 최대 N개까지 보여 줍니다(기본값 100).</translation>
    </message>
    <message>
        <source>usage: wharf repos [NAMESPACE] [--filter TEXT] [--sort name|updated|pulls] [--limit N] [--json]</source>
        <translation>사용법: wharf repos [NAMESPACE] [--filter TEXT] [--sort name|updated|pulls] [--limit N] [--json]</translation>
    </message>
    <message>
        <source>--sort takes name, updated or pulls</source>
        <translation>--sort에는 name, updated 또는 pulls를 지정합니다</translation>
    </message>
    <message>
        <source>not signed in to Docker Hub: name a namespace, or sign in first with “wharf login docker.io”</source>
        <translation>Docker Hub에 로그인하지 않았습니다. 네임스페이스를 지정하거나 먼저 “wharf login docker.io”로 로그인하세요</translation>
    </message>
    <message>
        <source>%1 has no repositories you can see.</source>
        <translation>%1에 볼 수 있는 리포지토리가 없습니다.</translation>
    </message>
    <message>
        <source>private</source>
        <translation>비공개</translation>
    </message>
    <message>
        <source>public</source>
        <translation>공개</translation>
    </message>
    <message>
        <source>VISIBILITY</source>
        <translation>공개 여부</translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation>업데이트</translation>
    </message>
</context>
<context>
    <name>wharf::cli::store</name>
    <message>
        <source>The store folder (default: $WHARF_STORE, else %1).</source>
        <translation>저장소 폴더입니다(기본값: $WHARF_STORE, 없으면 %1).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <source>REFERENCE</source>
        <translation>REFERENCE</translation>
    </message>
    <message>
        <source>PLATFORM</source>
        <translation>PLATFORM</translation>
    </message>
    <message>
        <source>MANIFEST</source>
        <translation>MANIFEST</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>SHARED</source>
        <translation>SHARED</translation>
    </message>
    <message>
        <source>PULLED</source>
        <translation>PULLED</translation>
    </message>
    <message>
        <source>nginx:1.27, docker.io/library/nginx:latest, …</source>
        <translation>예: nginx:1.27, docker.io/library/nginx:latest, …</translation>
    </message>
    <message>
        <source>Remove only this platform (default: every platform of REF).</source>
        <translation>이 플랫폼만 제거합니다(기본값: REF의 모든 플랫폼).</translation>
    </message>
    <message>
        <source>Removed %1 (%2) %3</source>
        <translation>제거했습니다: %1 (%2) %3</translation>
    </message>
    <message>
        <source>Delete blobs no stored image uses, and partial downloads nobody resumed for a day.</source>
        <translation>저장된 어떤 Image도 쓰지 않는 blob과, 하루 동안 이어 받지 않은 미완성 다운로드를 삭제합니다.</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>삭제함: %1</translation>
    </message>
    <message>
        <source>Removed %1 blobs (%2) and %3 partial downloads (%4); kept %5 blobs (%6).</source>
        <translation>blob %1개(%2)와 미완성 다운로드 %3개(%4)를 제거했고, blob %5개(%6)를 남겼습니다.</translation>
    </message>
    <message>
        <source>%1 downloads in progress were left alone.</source>
        <translation>진행 중인 다운로드 %1개는 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>%1 referenced blobs are missing; run “wharf verify” for details.</source>
        <translation>참조된 blob %1개가 없습니다. 자세한 내용은 “wharf verify”로 확인하세요.</translation>
    </message>
    <message>
        <source>Re-hash every blob in the store and check what index.json refers to. Exits with 1 when anything is wrong.</source>
        <translation>저장소의 모든 blob을 다시 해시하고 index.json이 가리키는 항목을 확인합니다. 문제가 있으면 종료 코드 1로 끝납니다.</translation>
    </message>
    <message>
        <source>usage: wharf verify [--store DIR] [--json]</source>
        <translation>사용 방법: wharf verify [--store DIR] [--json]</translation>
    </message>
    <message>
        <source>Checked %1 blobs (%2) and %3 index entries: %4.</source>
        <translation>blob %1개(%2)와 인덱스 항목 %3개를 확인했습니다: %4.</translation>
    </message>
    <message>
        <source>no problems</source>
        <translation>문제 없음</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>문제 %1개</translation>
    </message>
    <message>
        <source>Remove an image from the local store. Blobs stay until “wharf gc”, or with --prune those only this image used go at once (what the window&apos;s Delete does).</source>
        <translation>로컬 저장소에서 Image를 제거합니다. blob은 “wharf gc”까지 남으며, --prune을 주면 이 Image만 쓰던 blob을 바로 삭제합니다(창의 삭제와 같음).</translation>
    </message>
    <message>
        <source>Also delete the blobs no other stored image uses, and say what that freed.</source>
        <translation>저장된 다른 Image가 쓰지 않는 blob도 삭제하고, 확보한 공간을 알려 줍니다.</translation>
    </message>
    <message>
        <source>usage: wharf rm REF [--platform os/arch[/variant]] [--prune] [--store DIR]</source>
        <translation>사용 방법: wharf rm REF [--platform os/arch[/variant]] [--prune] [--store DIR]</translation>
    </message>
    <message>
        <source>wharf: warning: its blobs were kept: %1</source>
        <translation>wharf: 경고: blob은 남겨 두었습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n blob(s) only it used (%1).</source>
        <translation>
            <numerusform>이 Image만 쓰던 blob %n개를 삭제했습니다 (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Only say what would be deleted (the window&apos;s Clean Up figure).</source>
        <translation>삭제할 것만 알려 줍니다(창의 정리 버튼에 표시되는 크기).</translation>
    </message>
    <message>
        <source>usage: wharf gc [--dry-run] [--store DIR] [--json]</source>
        <translation>사용 방법: wharf gc [--dry-run] [--store DIR] [--json]</translation>
    </message>
    <message>
        <source>would delete %1</source>
        <translation>삭제 예정: %1</translation>
    </message>
    <message numerus="yes">
        <source>Would remove %n blob(s) (%1) and partial downloads of %2; nothing was deleted.</source>
        <translation>
            <numerusform>blob %n개(%1)와 %2의 미완성 다운로드를 제거할 수 있습니다. 아무것도 삭제하지 않았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>List the images in the local store, or in Docker or Podman.</source>
        <translation>로컬 저장소나 Docker, Podman의 Image 목록을 보여 줍니다.</translation>
    </message>
    <message>
        <source>List Docker&apos;s or Podman&apos;s images instead (what docker image ls shows).</source>
        <translation>대신 Docker나 Podman의 Image 목록을 보여 줍니다 (“docker images”가 보여 주는 것).</translation>
    </message>
    <message>
        <source>usage: wharf images [--store DIR | --engine docker|podman] [--json]</source>
        <translation>사용 방법: wharf images [--store DIR | --engine docker|podman] [--json]</translation>
    </message>
    <message>
        <source>the store keeps %1 for several platforms (%2); choose one with --platform</source>
        <extracomment>%1 is the reference, %2 the platforms the store keeps for it, comma-separated</extracomment>
        <translation>저장소에 %1의 플랫폼이 여러 개(%2) 있습니다. --platform으로 하나를 고르세요</translation>
    </message>
</context>
<context>
    <name>wharf::cli::tags</name>
    <message>
        <source>%1 has no tags.</source>
        <translation>%1에 태그가 없습니다.</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>DIGEST</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>SIZE</translation>
    </message>
    <message>
        <source>PUSHED</source>
        <translation>PUSHED</translation>
    </message>
    <message>
        <source>PLATFORMS</source>
        <translation>PLATFORMS</translation>
    </message>
    <message>
        <source>(more tags exist; raise --limit to see them)</source>
        <translation>(태그가 더 있습니다. 모두 보려면 --limit 값을 늘리세요)</translation>
    </message>
    <message>
        <source>nginx, ghcr.io/owner/name, localhost:5000/app, …</source>
        <translation>예: nginx, ghcr.io/owner/name, localhost:5000/app, …</translation>
    </message>
    <message>
        <source>List at most N tags (default 100).</source>
        <translation>태그를 최대 N개까지 보여 줍니다(기본값 100).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>usage: wharf tags REPO [--limit N] [--platforms] [--json]</source>
        <translation>사용 방법: wharf tags REPO [--limit N] [--platforms] [--json]</translation>
    </message>
    <message>
        <source>“%1” names an image; give the repository alone (e.g. %2)</source>
        <translation>“%1”은(는) Image를 가리킵니다. 리포지토리만 지정하세요(예: %2)</translation>
    </message>
    <message numerus="yes">
        <source>(%n more tag(s) not shown; raise --limit to see them)</source>
        <translation>
            <numerusform>(표시하지 않은 태그 %n개. 모두 보려면 --limit 값을 늘리세요)</numerusform>
        </translation>
    </message>
    <message>
        <source>List a repository&apos;s tags: latest first, then versions newest first (1.10 above 1.9, a release above its pre-releases), then other names by name. On Docker Hub each tag also shows its size, push time and platforms, as far as Docker Hub describes them (signed in, all of them).</source>
        <translation>리포지토리의 태그를 나열합니다. latest가 먼저, 다음으로 최신 버전부터(1.10이 1.9보다 위, 정식 릴리스가 프리릴리스보다 위), 그 밖의 이름은 이름순입니다. Docker Hub에서는 Docker Hub가 설명하는 만큼(로그인하면 전부) 각 태그의 크기, 푸시 시각, 플랫폼도 보여 줍니다.</translation>
    </message>
    <message>
        <source>Also read the platforms of tags Docker Hub does not describe, or of every tag elsewhere, from the registry.</source>
        <translation>Docker Hub가 설명하지 않는 태그(다른 레지스트리에서는 모든 태그)의 플랫폼도 레지스트리에서 읽습니다.</translation>
    </message>
</context>
<context>
    <name>wharf::net::HttpExchange</name>
    <message>
        <source>refusing to fetch %1: only http and https are supported</source>
        <translation>%1을(를) 가져오지 않습니다: http와 https만 지원합니다</translation>
    </message>
    <message>
        <source>refusing plain HTTP to %1: only loopback registries and ones marked insecure may use it</source>
        <translation>%1에는 암호화되지 않은 HTTP로 연결하지 않습니다: 루프백 레지스트리와 insecure로 지정한 레지스트리만 사용할 수 있습니다</translation>
    </message>
    <message>
        <source>the response from %1 is %2 bytes, more than the %3 allowed</source>
        <translation>%1의 응답이 %2바이트로, 허용된 %3바이트를 넘습니다</translation>
    </message>
    <message>
        <source>could not write the download: %1</source>
        <translation>다운로드한 내용을 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the response from %1 is larger than the %2 bytes allowed</source>
        <translation>%1의 응답이 허용된 %2바이트보다 큽니다</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 seconds</source>
        <translation>%1에서 %2초 동안 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 redirected without a Location</source>
        <translation>%1에서 Location 헤더 없이 리디렉션했습니다</translation>
    </message>
    <message>
        <source>stopped after %1 redirects</source>
        <translation>리디렉션을 %1번 따라간 뒤 중단했습니다</translation>
    </message>
    <message>
        <source>refusing a redirect from HTTPS to plain HTTP (%1)</source>
        <translation>HTTPS에서 암호화되지 않은 HTTP로의 리디렉션을 거부했습니다(%1)</translation>
    </message>
    <message>
        <source>the transfer from %1 broke off after %2 bytes: %3</source>
        <translation>%1에서 받던 전송이 %2바이트 뒤에 끊겼습니다: %3</translation>
    </message>
    <message>
        <source>the transfer from %1 ended after %2 of %3 bytes</source>
        <translation>%1에서 받던 전송이 %3바이트 중 %2바이트에서 끝났습니다</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1에서 HTTP %2 응답을 보냈습니다</translation>
    </message>
</context>
<context>
    <name>wharf::net::RetryPolicy</name>
    <message>
        <source>try again later</source>
        <translation>나중에 다시 시도하세요</translation>
    </message>
    <message>
        <source>the server asks to wait more than a year; try again later</source>
        <translation>서버가 1년 넘게 기다리라고 합니다. 나중에 다시 시도하세요</translation>
    </message>
    <message numerus="yes">
        <source>try again in %n second(s) (after %1)</source>
        <translation>
            <numerusform>%n초 뒤에 다시 시도하세요(%1 이후)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>try again in %n minute(s) (after %1)</source>
        <translation>
            <numerusform>%n분 뒤에 다시 시도하세요(%1 이후)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>try again in %n hour(s) (after %1)</source>
        <translation>
            <numerusform>%n시간 뒤에 다시 시도하세요(%1 이후)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wharf::search</name>
    <message>
        <source>Docker Hub answered only at its older search, which cannot filter by platform or badge or sort: these results are not filtered.</source>
        <translation>Docker Hub가 플랫폼·배지 필터와 정렬을 지원하지 않는 이전 검색으로만 응답했습니다. 이 결과는 걸러지지 않았습니다.</translation>
    </message>
    <message>
        <source>more results for “%1”</source>
        <translation>“%1”의 추가 결과</translation>
    </message>
    <message>
        <source>more repositories of %1</source>
        <translation>%1의 추가 리포지토리</translation>
    </message>
</context>
</TS>
